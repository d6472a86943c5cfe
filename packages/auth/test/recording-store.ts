import { MemoryStore, type MemoryStoreOptions, type PutOptions, type Store } from '@repo/store';

/** One write a `RecordingStore` saw: the method and every string it was given. */
export interface Write {
  method: 'listAppend' | 'setAdd' | 'put';
  key: string;
  value: string;
  ttlMs?: number | undefined;
}

/** A `MemoryStore` that remembers every write, so a test can see what reached the store. */
export class RecordingStore extends MemoryStore implements Store {
  readonly writes: Write[] = [];

  constructor(options?: MemoryStoreOptions) {
    super(options);
  }

  override listAppend(key: string, value: string): Promise<number> {
    this.writes.push({ method: 'listAppend', key, value });
    return super.listAppend(key, value);
  }

  override setAdd(key: string, member: string): Promise<boolean> {
    this.writes.push({ method: 'setAdd', key, value: member });
    return super.setAdd(key, member);
  }

  override put(key: string, value: string, options?: PutOptions): Promise<void> {
    this.writes.push({ method: 'put', key, value, ttlMs: options?.ttlMs });
    return super.put(key, value, options);
  }

  /** Every key and value written, as one string to search. */
  everything(): string {
    return this.writes.map(({ key, value }) => `${key}\n${value}`).join('\n');
  }
}
