import { randomUUID } from 'node:crypto';
import { rememberRedisClient } from './redis-client';
import { connectRedis, type RedisStoreOptions, type ScriptedRedis } from './redis-connect';
import type { ListAppendOptions, MapAddOptions, MapAddResult, PutOptions, Store } from './store';
import {
  assertIndexType,
  assertKey,
  assertValue,
  closedError,
  isIndex,
  maxFieldsOf,
  maxItemsOf,
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
// Written by `probe`; a kind of its own, with a short life.
const PROBE = 'probe';

/**
 * A `Store` in Redis, shared by every instance of an app. Multi-step operations are Lua scripts,
 * so they are atomic; `take` is `GETDEL` (Redis 6.2 or later). Open it with `RedisStore.connect`.
 *
 * A command is sent once. One in flight when the connection drops fails at once ("the connection
 * to Redis was lost…"): it may or may not have run, and sent again after the reconnect a write
 * could run twice (a second todo removed, a single-use code taken twice). One made while the
 * client reconnects waits for the connection (at most `commandTimeoutMs`), then is sent.
 */
export class RedisStore implements Store {
  readonly #redis: ScriptedRedis;
  /** How to fail each command sent and not yet answered. */
  readonly #inFlight = new Set<(error: Error) => void>();
  #closed = false;

  private constructor(redis: ScriptedRedis) {
    this.#redis = redis;
    rememberRedisClient(this, redis);
    redis.on('close', () => {
      const lost = new Error(
        'the connection to Redis was lost before it answered: the command may or may not have run',
      );
      for (const fail of this.#inFlight) fail(lost);
      this.#inFlight.clear();
    });
  }

  /** Connects to `options.url`; see `connectRedis` for how it fails. */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    return new RedisStore(await connectRedis(options));
  }

  listAppend(key: string, value: string): Promise<number>;
  listAppend(key: string, value: string, options: ListAppendOptions): Promise<number | 'full'>;
  async listAppend(key: string, value: string, options?: ListAppendOptions) {
    this.#check(key);
    assertValue(value);
    const max = maxItemsOf(options);
    const length = await this.#send(() =>
      max === undefined
        ? this.#redis.rpush(LIST + key, value)
        : this.#redis.listAppendCapped(LIST + key, value, max),
    );
    return length === -1 ? 'full' : length - 1;
  }

  async listItems(key: string): Promise<string[]> {
    this.#check(key);
    return this.#send(() => this.#redis.lrange(LIST + key, 0, -1));
  }

  async listRemoveAt(key: string, index: number): Promise<string | undefined> {
    this.#check(key);
    assertIndexType(index);
    if (!isIndex(index)) return undefined;
    const removed = await this.#send(() =>
      this.#redis.listRemoveAt(LIST + key, index, `removing:${randomUUID()}`),
    );
    return removed ?? undefined;
  }

  async setAdd(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return (await this.#send(() => this.#redis.setAdd(SET + key, member))) === 1;
  }

  async setRemove(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    return (await this.#send(() => this.#redis.zrem(SET + key, member))) === 1;
  }

  async setMembers(key: string): Promise<string[]> {
    this.#check(key);
    return this.#send(() => this.#redis.zrange(SET + key, 0, -1));
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
    const result = await this.#send(() =>
      this.#redis.mapAdd(...mapKeys(key), field, value, `${maxFields ?? ''}`),
    );
    return result as MapAddResult;
  }

  async mapRemove(key: string, field: string): Promise<string | undefined> {
    this.#check(key);
    assertValue(field, 'field');
    return (await this.#send(() => this.#redis.mapRemove(...mapKeys(key), field))) ?? undefined;
  }

  async mapValues(key: string): Promise<string[]> {
    this.#check(key);
    return this.#send(() => this.#redis.mapValues(...mapKeys(key)));
  }

  async put(key: string, value: string, options?: PutOptions): Promise<void> {
    this.#check(key);
    assertValue(value);
    const ttlMs = ttlOf(options);
    if (ttlMs === undefined) await this.#send(() => this.#redis.set(VALUE + key, value));
    else await this.#send(() => this.#redis.set(VALUE + key, value, 'PX', ttlMs));
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return (await this.#send(() => this.#redis.get(VALUE + key))) ?? undefined;
  }

  async take(key: string): Promise<string | undefined> {
    this.#check(key);
    return (await this.#send(() => this.#redis.getdel(VALUE + key))) ?? undefined;
  }

  async delete(key: string): Promise<boolean> {
    this.#check(key);
    return (await this.#send(() => this.#redis.del(VALUE + key))) === 1;
  }

  async probe(): Promise<void> {
    if (this.#closed) throw closedError();
    // Not queued for a reconnect: a probe answers now.
    if (this.#redis.status !== 'ready') throw new Error('not connected to Redis');
    await this.#send(() => this.#redis.set(PROBE, '1', 'PX', 10_000));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // QUIT lets commands already sent finish; a dead server must not make closing hang.
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** Sends `command` once; sent while connected, it fails when the connection drops first. */
  #send<T>(command: () => Promise<T>): Promise<T> {
    if (this.#redis.status !== 'ready') return command();
    return new Promise<T>((resolve, reject) => {
      this.#inFlight.add(reject);
      void command()
        .then(resolve, reject)
        .finally(() => this.#inFlight.delete(reject));
    });
  }

  #check(key: unknown): asserts key is string {
    if (this.#closed) throw closedError();
    assertKey(key);
  }
}
