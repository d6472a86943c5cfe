import { MemoryStore } from '@repo/store';
import { describe, expect, it } from 'vitest';
import { sharedCsrfKey } from './csrf-key';

describe('sharedCsrfKey', () => {
  it('gives every instance on one store the same 32-byte key, however many start at once', async () => {
    const store = new MemoryStore();
    const keys = await Promise.all(Array.from({ length: 8 }, () => sharedCsrfKey(store, 'app')));
    expect(keys[0]).toHaveLength(32);
    for (const key of keys) expect(key.equals(keys[0]!)).toBe(true);
    expect((await sharedCsrfKey(store, 'app')).equals(keys[0]!)).toBe(true);
    // Only the cold start adds keys; a later start reuses the first and adds none.
    const added = (await store.setMembers('app:oauth:csrf-key')).length;
    await sharedCsrfKey(store, 'app');
    expect(await store.setMembers('app:oauth:csrf-key')).toHaveLength(added);
  });

  it('gives another store, or another app on the same store, a key of its own', async () => {
    const store = new MemoryStore();
    const mine = await sharedCsrfKey(store, 'app');
    expect(mine.equals(await sharedCsrfKey(store, 'other-app'))).toBe(false);
    expect(mine.equals(await sharedCsrfKey(new MemoryStore(), 'app'))).toBe(false);
  });

  it('refuses a stored key that is not 32 bytes rather than sign with it', async () => {
    const store = new MemoryStore();
    await store.setAdd('app:oauth:csrf-key', 'c2hvcnQ');
    await expect(sharedCsrfKey(store, 'app')).rejects.toThrow('is not 32 bytes of base64url');
  });
});
