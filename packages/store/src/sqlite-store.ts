import { openConnection, type ConnectionOptions, type SqliteConnection } from './sqlite-connection';
import { KeyAccess } from './sqlite-key-access';
import { ReadCache, type ReadCacheLimits } from './sqlite-read-cache';
import { prepareStatements } from './sqlite-statements';
import { CheckedStore } from './checked-store';
import type { MapAddResult } from './store';
import { closedError } from './validate';

/** Options of a `SqliteStore`: those of its connection (`ConnectionOptions`), and these. */
export interface SqliteStoreOptions extends ConnectionOptions {
  /** The database file; created, with its tables, when missing. Its folder must exist. */
  file: string;
  /** The clock TTLs are measured against, in milliseconds; tests pass a fake one. */
  now?: () => number;
  /** How many bytes of read answers to keep (`ReadCache`), or `false` to read the file each time. */
  readCache?: ReadCacheLimits | false;
}

/**
 * A `Store` in an embedded SQLite file (WAL): each write is committed and its log fsynced before
 * its promise resolves (`GroupCommit`). The store holds the file alone: a second store or process
 * opening it gets an error naming `REDIS_URL`, the way to share data. Reads are answered from a
 * `ReadCache` until the store writes their key.
 */
export class SqliteStore extends CheckedStore {
  readonly #connection: SqliteConnection;
  readonly #now: () => number;
  readonly #sql: ReturnType<typeof prepareStatements>;
  readonly #access: KeyAccess;
  #closing: Promise<void> | undefined;

  constructor(options: SqliteStoreOptions) {
    super();
    const { file, now = Date.now, readCache } = options;
    this.#connection = openConnection(file, options);
    this.#now = now;
    this.#sql = prepareStatements(this.#connection.db);
    const cache = readCache === false ? undefined : new ReadCache(readCache);
    this.#access = new KeyAccess(this.#connection.commits, cache);
  }

  protected get closed(): boolean {
    return this.#closing !== undefined;
  }

  protected appendItem(key: string, value: string, maxItems?: number) {
    return this.#access.write(`list:${key}`, () => {
      const full = maxItems !== undefined && (this.#sql.length.get(key) as number) >= maxItems;
      if (full) return 'full';
      this.#sql.append.run(key, value);
      return (this.#sql.grow.get(key) as number) - 1;
    });
  }

  protected items(key: string) {
    return this.#access.read(`list:${key}`, () => this.#sql.items.all(key) as string[]);
  }

  protected removeItemAt(key: string, index: number): Promise<string | undefined> {
    return this.#access.write(`list:${key}`, () => {
      const row = this.#sql.at.get(key, index) as { seq: number; value: string } | undefined;
      if (!row) return undefined;
      this.#sql.removeSeq.run(row.seq);
      if (this.#sql.shrink.get(key) === 0) this.#sql.dropLength.run(key);
      return row.value;
    });
  }

  protected addMember(key: string, member: string): Promise<boolean> {
    return this.#access.write(`set:${key}`, () => this.#sql.add.run(key, member).changes === 1);
  }

  protected removeMember(key: string, member: string): Promise<boolean> {
    return this.#access.write(`set:${key}`, () => this.#sql.remove.run(key, member).changes === 1);
  }

  protected members(key: string) {
    return this.#access.read(`set:${key}`, () => this.#sql.members.all(key) as string[]);
  }

  protected addField(key: string, field: string, value: string, maxFields?: number) {
    return this.#access.write(`map:${key}`, (): MapAddResult => {
      if (this.#sql.mapGet.get(key, field) !== undefined) return 'exists';
      if (maxFields !== undefined) {
        const size = (this.#sql.mapSize.get(key) as number | undefined) ?? 0;
        if (size >= maxFields) return 'full';
      }
      this.#sql.mapInsert.run(key, field, value);
      return 'added';
    });
  }

  protected removeField(key: string, field: string): Promise<string | undefined> {
    return this.#access.write(`map:${key}`, () => {
      const value = this.#sql.mapGet.get(key, field) as string | undefined;
      if (value !== undefined) this.#sql.mapDelete.run(key, field);
      return value;
    });
  }

  protected fieldValues(key: string) {
    return this.#access.read(`map:${key}`, () => this.#sql.mapValues.all(key) as string[]);
  }

  protected async putValue(key: string, value: string, ttlMs?: number): Promise<void> {
    const now = this.#now();
    // Expired rows dropped by the purge may stay cached: `getValue` compares their expiry too.
    await this.#access.write(`kv:${key}`, () => {
      // Expired rows are dropped here too, so keys that are never read again cannot pile up.
      this.#sql.purge.run(now);
      this.#sql.put.run(key, value, ttlMs === undefined ? null : now + ttlMs);
    });
  }

  protected async getValue(key: string): Promise<string | undefined> {
    type Entry = { value: string; expires_at: number | null } | undefined;
    const entry = await this.#access.read(`kv:${key}`, () => this.#sql.entry.get(key) as Entry);
    if (!entry || (entry.expires_at !== null && entry.expires_at <= this.#now())) return undefined;
    return entry.value;
  }

  protected takeValue(key: string): Promise<string | undefined> {
    return this.#access.write(`kv:${key}`, () => {
      const value = this.#sql.get.get(key, this.#now()) as string | undefined;
      this.#sql.delete.run(key);
      return value;
    });
  }

  protected deleteValue(key: string): Promise<boolean> {
    return this.#access.write(`kv:${key}`, () => {
      const live = this.#sql.get.get(key, this.#now()) !== undefined;
      this.#sql.delete.run(key);
      return live;
    });
  }

  async probe(): Promise<void> {
    if (this.#closing) throw closedError();
    // An empty transaction: it takes the write lock, and its promise waits for a sync of the log.
    await this.#connection.commits.write(() => undefined);
  }

  close(): Promise<void> {
    // Writes already made are committed and synced first: close lets calls made before it end.
    // A second call gets the first one's promise, so it too resolves once the file is closed.
    this.#closing ??= this.#connection.close().finally(() => this.#access.clear());
    return this.#closing;
  }
}
