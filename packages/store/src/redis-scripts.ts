// Lua scripts run atomically in Redis: nothing else touches the key between their commands.

/**
 * Removes the item at ARGV[1] of the list KEYS[1] and returns it (nil when there is none).
 * Redis has no "remove at index": the item is overwritten with a marker unique to this call
 * (ARGV[2], random) and that marker removed, so an equal value elsewhere in the list is untouched.
 */
export const LIST_REMOVE_AT = `
local value = redis.call('LINDEX', KEYS[1], ARGV[1])
if not value then return nil end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('LREM', KEYS[1], 1, ARGV[2])
return value
`;

/**
 * Appends ARGV[1] to the list KEYS[1] and returns its length, or -1 when the list already holds
 * ARGV[2] items. The cap is checked in the script, so concurrent appends cannot overshoot it.
 */
export const LIST_APPEND_CAPPED = `
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
return redis.call('RPUSH', KEYS[1], ARGV[1])
`;

/**
 * Adds ARGV[1] to the insertion-ordered set KEYS[1] (a sorted set scored by arrival) and returns
 * 1, or 0 when it was already a member. The score is one more than the highest present.
 */
export const SET_ADD = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local score = 1
if last[2] then score = tonumber(last[2]) + 1 end
redis.call('ZADD', KEYS[1], score, ARGV[1])
return 1
`;

// A map is two keys: a hash KEYS[1] of field → value, and a sorted set KEYS[2] of its fields
// scored by arrival, for the order. The scripts below are the only writers, so the two agree.

/**
 * Adds the field ARGV[1] with the value ARGV[2] to the map and returns 'added'; returns 'exists'
 * when the field is there, and 'full' when the map holds ARGV[3] fields (an empty ARGV[3]: no cap).
 * The cap is checked in the script, so concurrent adds cannot overshoot it.
 */
export const MAP_ADD = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'exists' end
local max = tonumber(ARGV[3])
if max and redis.call('HLEN', KEYS[1]) >= max then return 'full' end
local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
local score = 1
if last[2] then score = tonumber(last[2]) + 1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], score, ARGV[1])
return 'added'
`;

/** Removes the field ARGV[1] from the map and returns its value (nil when it is not there). */
export const MAP_REMOVE = `
local value = redis.call('HGET', KEYS[1], ARGV[1])
if not value then return nil end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return value
`;

/**
 * Returns the map's values in the order their fields were added. One script, so a concurrent
 * remove cannot slip between reading the order and reading the values.
 */
export const MAP_VALUES = `
local fields = redis.call('ZRANGE', KEYS[2], 0, -1)
local values = {}
for i, field in ipairs(fields) do values[i] = redis.call('HGET', KEYS[1], field) end
return values
`;
