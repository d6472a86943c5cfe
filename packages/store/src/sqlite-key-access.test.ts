import { fdatasync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncFile } from './sqlite-connection';
import type { GroupCommit } from './sqlite-group-commit';
import { KeyAccess } from './sqlite-key-access';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-key-access-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `test-${++files}.sqlite`);

/** A real `fdatasync` that waits, before it runs, until the test releases it. */
function heldSync() {
  const held: (() => void)[] = [];
  const syncFile: SyncFile = (fd, done) => void held.push(() => fdatasync(fd, done));
  return { held, syncFile };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));
const tracked = <T>(promise: Promise<T>) => {
  const seen = { value: undefined as T | undefined, settled: false };
  void promise.then((value) => Object.assign(seen, { value, settled: true }));
  return seen;
};

describe('SqliteStore reads and writes by key', () => {
  it('answers a read of a key whose write awaits its sync only once that write is durable', async () => {
    const { held, syncFile } = heldSync();
    const store = new SqliteStore({ file: nextFile(), syncFile });
    const add = tracked(store.listAppend('todos:ann', 'milk'));
    await turn();
    await turn();
    // Committed, so SQLite would show it; not synced, so neither the write nor a read answers.
    const read = tracked(store.listItems('todos:ann'));
    const other = tracked(store.listItems('todos:bob'));
    await turn();
    expect(add.settled).toBe(false);
    expect(read.settled).toBe(false);
    expect(other).toEqual({ value: [], settled: true }); // other keys do not wait
    held.shift()!();
    await expect.poll(() => read.settled).toBe(true);
    expect(read.value).toEqual(['milk']);
    expect(add.value).toBe(0);
    await store.close();
  });

  it('waits for the writes made before a read, not for those made after it', async () => {
    const { held, syncFile } = heldSync();
    const store = new SqliteStore({ file: nextFile(), syncFile });
    void store.put('code:1', 'first');
    await turn();
    const read = tracked(store.get('code:1'));
    void store.put('code:1', 'second'); // committed while the first sync is held
    await turn();
    await turn();
    held.shift()!();
    await expect.poll(() => read.settled).toBe(true);
    // It read once the first put was durable. It did not wait again for the second, which it
    // shows, committed by then, its sync still held: a read waits for one round of writes.
    expect(read.value).toBe('second');
    expect(held).toHaveLength(1);
    held.shift()!();
    await store.close();
  });

  it('keeps a read waiting for a write still syncing when a later write to the key fails', async () => {
    // A commit that fails at once (a full disk): the group commit rejects the second write while
    // the first one's sync is still running.
    let synced!: (value: string) => void;
    const writes = [
      new Promise<string>((resolve) => (synced = resolve)),
      Promise.reject(new Error('disk full')),
    ];
    const commits = { write: () => writes.shift()! } as unknown as GroupCommit;
    const access = new KeyAccess(commits, undefined);
    const first = tracked(access.write('list:ann', () => 'a'));
    await expect(access.write('list:ann', () => 'b')).rejects.toThrow('disk full');
    const read = tracked(Promise.resolve(access.read('list:ann', () => ['a'])));
    await turn();
    expect(first.settled).toBe(false);
    expect(read.settled).toBe(false); // 'a' is committed, not yet durable
    synced('a');
    await expect.poll(() => read.settled).toBe(true);
    expect(read.value).toEqual(['a']);
  });
  it('closes only once the writes made before close are synced', async () => {
    const { held, syncFile } = heldSync();
    const store = new SqliteStore({ file: nextFile(), syncFile });
    const add = tracked(store.setAdd('words:ann', 'apple'));
    const closed = tracked(store.close());
    await turn();
    await turn();
    expect(closed.settled).toBe(false);
    const again = tracked(store.close());
    await turn();
    expect(again.settled).toBe(false); // a second close too resolves only once the file is closed
    held.shift()!();
    await expect.poll(() => closed.settled && again.settled).toBe(true);
    expect(add.value).toBe(true);
  });
});
