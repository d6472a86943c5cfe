export interface TtlCacheOptions<V> {
  /** How long an entry lives, in milliseconds; 0 or less turns the cache off. */
  ttlMs: number;
  /** Most entries kept; the least recently used goes first. */
  maxEntries: number;
  /** Most total size kept, as measured by `sizeOf` (for strings: their length). */
  maxSize?: number;
  sizeOf?: (value: V) => number;
  /** The clock, in milliseconds; tests pass a fake one. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expires: number;
  size: number;
}

/**
 * A small in-memory cache whose entries expire after a fixed time, bounded both in count and in
 * total size (least recently used evicted first). A Map keeps insertion order, so re-inserting
 * an entry on every read makes its first key the least recently used.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxSize: number;
  private readonly sizeOf: (value: V) => number;
  private readonly now: () => number;
  private size = 0;

  constructor(options: TtlCacheOptions<V>) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries;
    this.maxSize = options.maxSize ?? Infinity;
    this.sizeOf = options.sizeOf ?? (() => 0);
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0 && this.maxEntries > 0;
  }

  /** Entries held, expired ones not yet dropped included. */
  get count(): number {
    return this.entries.size;
  }

  /** Total size of the entries held. */
  get totalSize(): number {
    return this.size;
  }

  /** The value for `key`, or undefined when there is none or it has expired. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() >= entry.expires) {
      this.size -= entry.size;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for the TTL; a value larger than the whole cache is not kept. */
  set(key: string, value: V): void {
    if (!this.enabled) return;
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    this.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs, size });
    this.size += size;
    this.evict();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }

  private full(): boolean {
    return this.entries.size > this.maxEntries || this.size > this.maxSize;
  }

  private evict(): void {
    if (!this.full()) return;
    // Expired entries go first, wherever they are; then the least recently used.
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (now >= entry.expires) this.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (!this.full()) break;
      this.delete(key);
    }
  }
}
