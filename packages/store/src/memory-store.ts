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

/** Options of a `MemoryStore`. */
export interface MemoryStoreOptions {
  /** The clock TTLs are measured against, in milliseconds; tests pass a fake one. */
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number | undefined;
}

// Expired values are dropped when read; a sweep every so many puts keeps keys that are never read
// again (a cache of one-off queries) from piling up.
const SWEEP_EVERY = 256;

/** A `Store` in process memory, for tests: fast, atomic, and gone when the process exits. */
export class MemoryStore implements Store {
  // Maps, not objects: a key called `__proto__` is just a key.
  readonly #lists = new Map<string, string[]>();
  readonly #sets = new Map<string, Set<string>>();
  // A Map iterates in insertion order, and a key deleted then set again goes last: a map's order.
  readonly #maps = new Map<string, Map<string, string>>();
  readonly #values = new Map<string, Entry>();
  readonly #now: () => number;
  #puts = 0;
  #closed = false;

  constructor({ now = Date.now }: MemoryStoreOptions = {}) {
    this.#now = now;
  }

  listAppend(key: string, value: string): Promise<number>;
  listAppend(key: string, value: string, options: ListAppendOptions): Promise<number | 'full'>;
  async listAppend(key: string, value: string, options?: ListAppendOptions) {
    this.#check(key);
    assertValue(value);
    const maxItems = maxItemsOf(options);
    let list = this.#lists.get(key);
    if (maxItems !== undefined && (list?.length ?? 0) >= maxItems) return 'full';
    if (!list) this.#lists.set(key, (list = []));
    return list.push(value) - 1;
  }

  async listItems(key: string): Promise<string[]> {
    this.#check(key);
    return [...(this.#lists.get(key) ?? [])];
  }

  async listRemoveAt(key: string, index: number): Promise<string | undefined> {
    this.#check(key);
    assertIndexType(index);
    const list = this.#lists.get(key);
    if (!list || !isIndex(index) || index >= list.length) return undefined;
    const [removed] = list.splice(index, 1);
    if (list.length === 0) this.#lists.delete(key);
    return removed;
  }

  async setAdd(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    let set = this.#sets.get(key);
    if (!set) this.#sets.set(key, (set = new Set()));
    if (set.has(member)) return false;
    set.add(member);
    return true;
  }

  async setRemove(key: string, member: string): Promise<boolean> {
    this.#check(key);
    assertValue(member, 'member');
    const set = this.#sets.get(key);
    if (!set?.delete(member)) return false;
    if (set.size === 0) this.#sets.delete(key);
    return true;
  }

  async setMembers(key: string): Promise<string[]> {
    this.#check(key);
    return [...(this.#sets.get(key) ?? [])];
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
    const map = this.#maps.get(key);
    if (map?.has(field)) return 'exists';
    if (maxFields !== undefined && (map?.size ?? 0) >= maxFields) return 'full';
    if (map) map.set(field, value);
    else this.#maps.set(key, new Map([[field, value]]));
    return 'added';
  }

  async mapRemove(key: string, field: string): Promise<string | undefined> {
    this.#check(key);
    assertValue(field, 'field');
    const map = this.#maps.get(key);
    const value = map?.get(field);
    if (value === undefined) return undefined;
    map!.delete(field);
    if (map!.size === 0) this.#maps.delete(key);
    return value;
  }

  async mapValues(key: string): Promise<string[]> {
    this.#check(key);
    return [...(this.#maps.get(key)?.values() ?? [])];
  }

  async put(key: string, value: string, options?: PutOptions): Promise<void> {
    this.#check(key);
    assertValue(value);
    const ttlMs = ttlOf(options);
    if (++this.#puts % SWEEP_EVERY === 0) this.#sweep();
    this.#values.set(key, {
      value,
      expiresAt: ttlMs === undefined ? undefined : this.#now() + ttlMs,
    });
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return this.#live(key)?.value;
  }

  async take(key: string): Promise<string | undefined> {
    this.#check(key);
    const entry = this.#live(key);
    this.#values.delete(key);
    return entry?.value;
  }

  async delete(key: string): Promise<boolean> {
    this.#check(key);
    const entry = this.#live(key);
    this.#values.delete(key);
    return entry !== undefined;
  }

  async probe(): Promise<void> {
    if (this.#closed) throw closedError();
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #check(key: unknown): asserts key is string {
    if (this.#closed) throw closedError();
    assertKey(key);
  }

  /** The entry at `key` if it has not expired; an expired one is dropped. */
  #live(key: string): Entry | undefined {
    const entry = this.#values.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.#now()) {
      this.#values.delete(key);
      return undefined;
    }
    return entry;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#values) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.#values.delete(key);
    }
  }
}
