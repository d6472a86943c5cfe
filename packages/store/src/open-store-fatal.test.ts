import type * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from './open-store';

// Every fsync fails, as on a disk that has gone bad.
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof fs>()),
  fdatasync: (_: number, done: (error: Error | null) => void) => done(new Error('EIO: i/o error')),
}));

const dir = mkdtempSync(join(tmpdir(), 'store-fatal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('hands onFatal to the SQLite store, which calls it when a sync fails', async () => {
    const onFatal = vi.fn();
    const store = await openStore({ kind: 'sqlite', dataDir: dir }, { onFatal });
    await expect(store.listAppend('todos:ann', 'a')).rejects.toThrow(/durable: EIO/);
    expect(onFatal).toHaveBeenCalledOnce();
    await store.close();
  });
});
