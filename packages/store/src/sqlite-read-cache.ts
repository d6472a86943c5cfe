import { LRUCache } from 'lru-cache';

/** Bounds of a `ReadCache`, in bytes (an estimate: two a UTF-16 code unit, plus overheads). */
export interface ReadCacheLimits {
  /** Bytes held in all, at most; the least recently read answers go first. */
  maxBytes: number;
  /** A larger answer is not kept: copying it costs more than the read the cache saves. */
  maxBytesPerAnswer: number;
}

/** What a `SqliteStore` keeps unless told otherwise. */
const READ_CACHE_LIMITS: ReadCacheLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxBytesPerAnswer: 256 * 1024,
};

// What V8 spends on a string or an object beside its characters, roughly.
const OVERHEAD = 32;

/** About how many bytes `value` (a list of strings, or a value's row) holds in memory. */
function sizeOf(value: unknown): number {
  if (Array.isArray(value)) {
    return value.reduce((sum: number, item: string) => sum + OVERHEAD + 2 * item.length, OVERHEAD);
  }
  const row = value as { value?: string } | undefined;
  return OVERHEAD + 2 * (row?.value?.length ?? 0);
}

/**
 * The answers of a connection's reads, kept until the store writes their key. The connection
 * holds its file exclusively (`openConnection`), so nothing else can change the data behind it:
 * a write through the store drops the key it writes (`drop`), and every other answer stays
 * right. Bounded by bytes, not by count: answers range from an empty list to values of megabytes.
 */
export class ReadCache {
  readonly #entries: LRUCache<string, { value: unknown }>;

  constructor({ maxBytes, maxBytesPerAnswer }: ReadCacheLimits = READ_CACHE_LIMITS) {
    this.#entries = new LRUCache({
      maxSize: maxBytes,
      maxEntrySize: maxBytesPerAnswer,
      sizeCalculation: (entry) => sizeOf(entry.value),
    });
  }

  /**
   * The answer cached for `key`, or `load()`'s (kept when small enough). A list comes back as a
   * copy, so a caller that changes it changes nothing cached.
   */
  read<T>(key: string, load: () => T): T {
    let entry = this.#entries.get(key);
    if (!entry) {
      // Wrapped: `undefined` (no row) is an answer too.
      entry = { value: load() };
      this.#entries.set(key, entry);
    }
    const { value } = entry;
    return (Array.isArray(value) ? value.slice() : value) as T;
  }

  /** Forgets `key`: its data is being written. */
  drop(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear();
  }
}
