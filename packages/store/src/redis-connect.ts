import { Redis } from 'ioredis';
import {
  LIST_APPEND_CAPPED,
  LIST_REMOVE_AT,
  MAP_ADD,
  MAP_REMOVE,
  MAP_VALUES,
  SET_ADD,
} from './redis-scripts';
import { parseRedisUrl } from './redis-url';

/** How to reach Redis, and how long to wait for it. */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port/db` (or `rediss://` for TLS). Never logged. */
  url: string;
  /** How long connecting, handshake included, may take, in ms (default 5000). */
  connectTimeoutMs?: number;
  /** How long any command may take before it rejects, in ms (default 5000). */
  commandTimeoutMs?: number;
  /** Hears connection errors (their message only names host and port); default: `console.warn`. */
  onError?: (error: Error) => void;
}

/** An ioredis client with this package's Lua scripts as commands. */
export interface ScriptedRedis extends Redis {
  listAppendCapped(key: string, value: string, max: number): Promise<number>;
  listRemoveAt(key: string, index: number, marker: string): Promise<string | null>;
  setAdd(key: string, member: string): Promise<number>;
  mapAdd(hash: string, order: string, field: string, value: string, max: string): Promise<string>;
  mapRemove(hash: string, order: string, field: string): Promise<string | null>;
  mapValues(hash: string, order: string): Promise<string[]>;
}

/**
 * Connects to the Redis `url` names, within `connectTimeoutMs`. Rejects with a `TypeError` on a
 * malformed URL and with "cannot connect to Redis: …" otherwise; neither repeats the URL.
 */
export async function connectRedis(options: RedisStoreOptions): Promise<ScriptedRedis> {
  const { url, connectTimeoutMs = 5000, commandTimeoutMs = 5000 } = options;
  const onError = options.onError ?? ((e) => console.warn(`store: redis: ${e.message}`));
  const redis = new Redis({
    ...parseRedisUrl(url),
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 2,
    // ioredis keeps retrying a first connection that fails; give up after one.
    retryStrategy: () => null,
    // A command in flight when the connection drops may have run: sent again, a write could run
    // twice (a second todo removed, a code taken twice). `RedisStore` fails such writes instead.
    autoResendUnfulfilledCommands: false,
    scripts: {
      listAppendCapped: { numberOfKeys: 1, lua: LIST_APPEND_CAPPED },
      listRemoveAt: { numberOfKeys: 1, lua: LIST_REMOVE_AT },
      setAdd: { numberOfKeys: 1, lua: SET_ADD },
      mapAdd: { numberOfKeys: 2, lua: MAP_ADD },
      mapRemove: { numberOfKeys: 2, lua: MAP_REMOVE },
      mapValues: { numberOfKeys: 2, lua: MAP_VALUES },
    },
  }) as ScriptedRedis;
  let cause: Error | undefined;
  redis.on('error', (error: Error) => onError((cause = error)));

  // ioredis bounds the TCP connect and each command, but not the handshake as a whole.
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`no answer in ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
  });
  const connecting = redis.connect();
  connecting.catch(() => {}); // when the deadline wins, this rejection has no one else to hear it
  try {
    await Promise.race([connecting, deadline]);
  } catch (error) {
    redis.disconnect();
    // ioredis rejects with "Connection is closed"; the error event before it says why.
    const why = timedOut ? (error as Error) : (cause ?? (error as Error));
    throw new Error(`cannot connect to Redis: ${why.message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  // Connected once: from now on a lost connection is retried, while commands time out meanwhile.
  redis.options.retryStrategy = (attempt) => Math.min(attempt * 100, 2000);
  return redis;
}
