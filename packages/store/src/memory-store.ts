import { CheckedStore } from './checked-store';
import { closedError } from './validate';

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
export class MemoryStore extends CheckedStore {
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
    super();
    this.#now = now;
  }

  protected get closed(): boolean {
    return this.#closed;
  }

  protected async appendItem(key: string, value: string, maxItems?: number) {
    let list = this.#lists.get(key);
    if (maxItems !== undefined && (list?.length ?? 0) >= maxItems) return 'full';
    if (!list) this.#lists.set(key, (list = []));
    return list.push(value) - 1;
  }

  protected async items(key: string): Promise<string[]> {
    return [...(this.#lists.get(key) ?? [])];
  }

  protected async removeItemAt(key: string, index: number): Promise<string | undefined> {
    const list = this.#lists.get(key);
    if (!list || index >= list.length) return undefined;
    const [removed] = list.splice(index, 1);
    if (list.length === 0) this.#lists.delete(key);
    return removed;
  }

  protected async addMember(key: string, member: string): Promise<boolean> {
    let set = this.#sets.get(key);
    if (!set) this.#sets.set(key, (set = new Set()));
    if (set.has(member)) return false;
    set.add(member);
    return true;
  }

  protected async removeMember(key: string, member: string): Promise<boolean> {
    const set = this.#sets.get(key);
    if (!set?.delete(member)) return false;
    if (set.size === 0) this.#sets.delete(key);
    return true;
  }

  protected async members(key: string): Promise<string[]> {
    return [...(this.#sets.get(key) ?? [])];
  }

  protected async addField(key: string, field: string, value: string, maxFields?: number) {
    const map = this.#maps.get(key);
    if (map?.has(field)) return 'exists';
    if (maxFields !== undefined && (map?.size ?? 0) >= maxFields) return 'full';
    if (map) map.set(field, value);
    else this.#maps.set(key, new Map([[field, value]]));
    return 'added';
  }

  protected async removeField(key: string, field: string): Promise<string | undefined> {
    const map = this.#maps.get(key);
    const value = map?.get(field);
    if (value === undefined) return undefined;
    map!.delete(field);
    if (map!.size === 0) this.#maps.delete(key);
    return value;
  }

  protected async fieldValues(key: string): Promise<string[]> {
    return [...(this.#maps.get(key)?.values() ?? [])];
  }

  protected async putValue(key: string, value: string, ttlMs?: number): Promise<void> {
    if (++this.#puts % SWEEP_EVERY === 0) this.#sweep();
    this.#values.set(key, {
      value,
      expiresAt: ttlMs === undefined ? undefined : this.#now() + ttlMs,
    });
  }

  protected async getValue(key: string): Promise<string | undefined> {
    return this.#live(key)?.value;
  }

  protected async takeValue(key: string): Promise<string | undefined> {
    const entry = this.#live(key);
    this.#values.delete(key);
    return entry?.value;
  }

  protected async deleteValue(key: string): Promise<boolean> {
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
