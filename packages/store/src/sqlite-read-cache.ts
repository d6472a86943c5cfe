// Commits made by every SQLite connection of this process. SQLite's `data_version` changes for
// commits by other connections, but this process's own connections run in the same thread as its
// readers, so their commits are counted here and seen at once, not a turn late.
let processCommits = 0;

/** Counts a commit by a connection of this process (`GroupCommit` calls it after each commit). */
export function countCommit(): void {
  processCommits++;
}

/** Bounds of a `ReadCache`, counted in items (list items, set members, map values; a value is 1). */
export interface ReadCacheLimits {
  /** Items held in all, at most; the least recently read answers go first. */
  maxItems: number;
  /** A larger answer is not kept: a list that long costs more to hold than to read. */
  maxItemsPerKey: number;
}

/** What a `SqliteStore` keeps unless told otherwise. */
const READ_CACHE_LIMITS: ReadCacheLimits = { maxItems: 10_000, maxItemsPerKey: 1_000 };

/**
 * The answers of one connection's reads, kept until the data they came from may have changed.
 * A read through SQLite costs ~24 µs for 10 items inside a loaded server, and checking
 * `data_version` costs about as much under load, so a cached answer is served, without asking
 * SQLite, while the data is known unchanged:
 * - a write through this connection drops the keys it wrote (`drop`);
 * - a commit by another connection of this process makes the next read check `data_version`;
 * - other processes' commits are seen by checking `data_version` again in every callback the
 *   event loop runs (the check holds until the callback and its microtasks are done). A client
 *   that saw another process's write acknowledged can only reach this process afterwards, in an
 *   I/O callback of its own, which checks before its first read: no client can observe the cache
 *   lagging behind a write it saw acknowledged. (Once per loop iteration was tried: a check made
 *   in the timers or check phase then covered the next poll phase's requests, which can come
 *   after another process's commit.)
 */
export class ReadCache {
  readonly #dataVersion: () => number;
  readonly #limits: ReadCacheLimits;
  readonly #entries = new Map<string, { value: unknown; items: number }>();
  #items = 0;
  #version: number | undefined;
  #checkedAt = -1;
  #checkedThisCallback = false;

  constructor(dataVersion: () => number, limits: ReadCacheLimits = READ_CACHE_LIMITS) {
    this.#dataVersion = dataVersion;
    this.#limits = limits;
  }

  /**
   * The answer cached for `key`, or `load()`'s (kept when small enough). A list comes back as a
   * copy, so a caller that changes it changes nothing cached.
   */
  read<T>(key: string, load: () => T): T {
    const value = this.#lookUp(key, load);
    return (Array.isArray(value) ? value.slice() : value) as T;
  }

  #lookUp<T>(key: string, load: () => T): T {
    this.#validate();
    const hit = this.#entries.get(key);
    if (hit) {
      // Reinserted: a Map iterates in insertion order, so the first entry is the least recent.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value as T;
    }
    const value = load();
    const items = Array.isArray(value) ? Math.max(1, value.length) : 1;
    if (items <= this.#limits.maxItemsPerKey) {
      this.#entries.set(key, { value, items });
      this.#items += items;
      for (const [oldest, entry] of this.#entries) {
        if (this.#items <= this.#limits.maxItems) break;
        this.#entries.delete(oldest);
        this.#items -= entry.items;
      }
    }
    return value;
  }

  /** Forgets `key`: its data is being written. */
  drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#items -= entry.items;
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
    this.#items = 0;
  }

  #validate(): void {
    if (this.#checkedThisCallback && this.#checkedAt === processCommits) return;
    const version = this.#dataVersion();
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
    }
    this.#checkedAt = processCommits;
    if (!this.#checkedThisCallback) {
      this.#checkedThisCallback = true;
      // Runs once the current callback's synchronous code and microtasks are done.
      process.nextTick(() => {
        this.#checkedThisCallback = false;
      });
    }
  }
}
