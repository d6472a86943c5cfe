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
