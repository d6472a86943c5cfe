import { randomUUID } from 'node:crypto';
import { rememberRedisClient } from './redis-client';
import { connectRedis, type RedisStoreOptions, type ScriptedRedis } from './redis-connect';
import type { MapAddOptions, MapAddResult, PutOptions, Store } from './store';
import {
  assertIndexType,
  assertKey,
  assertValue,
  closedError,
  isIndex,
  maxFieldsOf,
  ttlOf,
} from './validate';

// Lists, sets, maps and values live under their own prefix, so the key spaces never meet (and a
// list key can never be read as a value, which Redis would answer with WRONGTYPE). No prefix
// starts another, so no key of one kind can equal a key of another.
const LIST = 'list:';
const SET = 'set:';
const VALUE = 'value:';
// A map is a hash of its values and a sorted set of its fields in order (see redis-scripts.ts).
const mapKeys = (key: string) => [`map:${key}`, `map-order:${key}`] as const;

/**
 * A `Store` in Redis, shared by every instance of an app. Multi-step operations are Lua scripts,
 * so they are atomic; `take` is `GETDEL` (Redis 6.2 or later). Open it with `RedisStore.connect`.
 */
export class RedisStore implements Store {
  readonly #redis: ScriptedRedis;
  #closed = false;

  private constructor(redis: ScriptedRedis) {
    this.#redis = redis;
    rememberRedisClient(this, redis);
  }

  /** Connects to `options.url`; see `connectRedis` for how it fails. */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    return new RedisStore(await connectRedis(options));
  }

  async listAppend(key: string, value: string): Promise<number> {
    this.#check(key);
    assertValue(value);
    return (await this.#redis.rpush(LIST + key, value)) - 1;
  }

  async listItems(key: string): Promise<string[]> {
    this.#check(key);
    return this.#redis.lrange(LIST + key, 0, -1);
  }

  async listRemoveAt(key: string, index: number): Promise<string | undefined> {
    this.#check(key);
    assertIndexType(index);
    if (!isIndex(index)) return undefined;
    const removed = await this.#redis.listRemoveAt(LIST + key, index, `removing:${randomUUID()}`);
    return removed ?? undefined;
  }

  async setAdd(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return (await this.#redis.setAdd(SET + key, member)) === 1;
  }

  async setRemove(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return (await this.#redis.zrem(SET + key, member)) === 1;
  }

  async setMembers(key: string): Promise<string[]> {
    this.#check(key);
    return this.#redis.zrange(SET + key, 0, -1);
  }

  async mapAdd(
    key: string,
    field: string,
    value: string,
    options?: MapAddOptions,
  ): Promise<MapAddResult> {
    this.#check(key);
    assertValue(field, 'field');
    assertValue(value);
    const maxFields = maxFieldsOf(options);
    const result = await this.#redis.mapAdd(...mapKeys(key), field, value, `${maxFields ?? ''}`);
    return result as MapAddResult;
  }

  async mapRemove(key: string, field: string): Promise<string | undefined> {
    this.#check(key);
    assertValue(field, 'field');
    return (await this.#redis.mapRemove(...mapKeys(key), field)) ?? undefined;
  }

  async mapValues(key: string): Promise<string[]> {
    this.#check(key);
    return this.#redis.mapValues(...mapKeys(key));
  }

  async put(key: string, value: string, options?: PutOptions): Promise<void> {
    this.#check(key);
    assertValue(value);
    const ttlMs = ttlOf(options);
    if (ttlMs === undefined) await this.#redis.set(VALUE + key, value);
    else await this.#redis.set(VALUE + key, value, 'PX', ttlMs);
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return (await this.#redis.get(VALUE + key)) ?? undefined;
  }

  async take(key: string): Promise<string | undefined> {
    this.#check(key);
    return (await this.#redis.getdel(VALUE + key)) ?? undefined;
  }

  async delete(key: string): Promise<boolean> {
    this.#check(key);
    return (await this.#redis.del(VALUE + key)) === 1;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // QUIT lets commands already sent finish; a dead server must not make closing hang.
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  #check(key: unknown): asserts key is string {
    if (this.#closed) throw closedError();
    assertKey(key);
  }
}
