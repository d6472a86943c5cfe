import { randomUUID } from 'node:crypto';
import { rememberRedisClient } from './redis-client';
import { connectRedis, type RedisStoreOptions, type ScriptedRedis } from './redis-connect';
import { CheckedStore } from './checked-store';
import type { MapAddResult } from './store';
import { closedError } from './validate';

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
export class RedisStore extends CheckedStore {
  readonly #redis: ScriptedRedis;
  /** How to fail each command sent and not yet answered. */
  readonly #inFlight = new Set<(error: Error) => void>();
  #closed = false;

  private constructor(redis: ScriptedRedis) {
    super();
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

  protected get closed(): boolean {
    return this.#closed;
  }

  protected async appendItem(key: string, value: string, maxItems?: number) {
    const length = await this.#send(() =>
      maxItems === undefined
        ? this.#redis.rpush(LIST + key, value)
        : this.#redis.listAppendCapped(LIST + key, value, maxItems),
    );
    return length === -1 ? 'full' : length - 1;
  }

  protected items(key: string): Promise<string[]> {
    return this.#send(() => this.#redis.lrange(LIST + key, 0, -1));
  }

  protected async removeItemAt(key: string, index: number): Promise<string | undefined> {
    const removed = await this.#send(() =>
      this.#redis.listRemoveAt(LIST + key, index, `removing:${randomUUID()}`),
    );
    return removed ?? undefined;
  }

  protected async addMember(key: string, member: string): Promise<boolean> {
    return (await this.#send(() => this.#redis.setAdd(SET + key, member))) === 1;
  }

  protected async removeMember(key: string, member: string): Promise<boolean> {
    return (await this.#send(() => this.#redis.zrem(SET + key, member))) === 1;
  }

  protected members(key: string): Promise<string[]> {
    return this.#send(() => this.#redis.zrange(SET + key, 0, -1));
  }

  protected async addField(key: string, field: string, value: string, maxFields?: number) {
    const result = await this.#send(() =>
      this.#redis.mapAdd(...mapKeys(key), field, value, `${maxFields ?? ''}`),
    );
    return result as MapAddResult;
  }

  protected async removeField(key: string, field: string): Promise<string | undefined> {
    return (await this.#send(() => this.#redis.mapRemove(...mapKeys(key), field))) ?? undefined;
  }

  protected fieldValues(key: string): Promise<string[]> {
    return this.#send(() => this.#redis.mapValues(...mapKeys(key)));
  }

  protected async putValue(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.#send(() => this.#redis.set(VALUE + key, value));
    else await this.#send(() => this.#redis.set(VALUE + key, value, 'PX', ttlMs));
  }

  protected async getValue(key: string): Promise<string | undefined> {
    return (await this.#send(() => this.#redis.get(VALUE + key))) ?? undefined;
  }

  protected async takeValue(key: string): Promise<string | undefined> {
    return (await this.#send(() => this.#redis.getdel(VALUE + key))) ?? undefined;
  }

  protected async deleteValue(key: string): Promise<boolean> {
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
}
