import type { Redis } from 'ioredis';
import type { Store } from './store';

// Only a type is imported from ioredis, so this file loads nothing for an app on SQLite.
const clients = new WeakMap<Store, Redis>();

/** Called by `RedisStore` with its own connection; not part of the public surface. */
export function rememberRedisClient(store: Store, redis: Redis): void {
  clients.set(store, redis);
}

/**
 * The ioredis client under a store that `openStore` connected to Redis, or `undefined` for any
 * other store. For a library that keeps its own counters in Redis (a rate limiter), so every
 * instance shares them over the store's one connection; closing the store closes it.
 * @example
 * const redis = redisClientOf(store); // undefined on SQLite and in memory
 */
export function redisClientOf(store: Store): Redis | undefined {
  return clients.get(store);
}
