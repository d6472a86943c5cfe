import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextCallback } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { countCommit, ReadCache } from './sqlite-read-cache';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-read-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `cache-${++files}.sqlite`);

/** A cache over a fake `data_version`, counting the loads it makes. */
function fakeCache(limits = { maxItems: 100, maxItemsPerKey: 10 }) {
  let version = 1;
  let checks = 0;
  const cache = new ReadCache(() => (checks++, version), limits);
  const loads: string[] = [];
  const read = (key: string, items = ['a']) => cache.read(key, () => (loads.push(key), items));
  return { cache, read, loads, checks: () => checks, bump: () => version++ };
}

describe('ReadCache', () => {
  it('loads a key once, then answers from memory, checking data_version once a callback', async () => {
    const { read, loads, checks } = fakeCache();
    read('a');
    read('a');
    read('b');
    read('b');
    expect(loads).toEqual(['a', 'b']);
    await Promise.resolve(); // a microtask of the same callback: the check still holds
    read('b');
    expect(checks()).toBe(1);
    await nextCallback();
    read('a');
    expect(loads).toEqual(['a', 'b']);
    expect(checks()).toBe(2);
  });

  it('forgets everything when another connection has committed', async () => {
    const { read, loads, bump } = fakeCache();
    read('a');
    bump();
    read('a'); // the same callback: other processes' commits are seen from the next one
    expect(loads).toEqual(['a']);
    await nextCallback();
    read('a');
    expect(loads).toEqual(['a', 'a']);
  });

  it('checks again within the callback after a commit by this process', () => {
    const { read, loads, bump, checks } = fakeCache();
    read('a');
    bump();
    countCommit();
    read('a');
    expect(checks()).toBe(2);
    expect(loads).toEqual(['a', 'a']);
  });

  it('forgets a dropped key only', () => {
    const { cache, read, loads } = fakeCache();
    read('a');
    read('b');
    cache.drop('a');
    read('a');
    read('b');
    expect(loads).toEqual(['a', 'b', 'a']);
  });

  it('holds at most maxItems, dropping the least recently read, and no answer over the cap', () => {
    const { read, loads } = fakeCache({ maxItems: 4, maxItemsPerKey: 3 });
    read('a', ['1', '2']);
    read('b', ['1', '2']);
    read('a', ['1', '2']); // now b is the least recent
    read('c', ['1', '2']); // 6 items > 4: b goes
    read('big', ['1', '2', '3', '4']); // over maxItemsPerKey: never kept
    read('a', ['1', '2']);
    read('c', ['1', '2']);
    read('b', ['1', '2']);
    read('big', ['1', '2', '3', '4']);
    expect(loads).toEqual(['a', 'b', 'c', 'big', 'b', 'big']);
  });
});

describe('SqliteStore with its read cache', () => {
  it('answers a copy, so a caller changing it changes nothing stored', async () => {
    const store = new SqliteStore({ file: nextFile() });
    await store.listAppend('todos:ann', 'milk');
    const items = await store.listItems('todos:ann');
    items.push('not stored');
    expect(await store.listItems('todos:ann')).toEqual(['milk']);
    await store.close();
  });

  it('sees a write made through another connection of this process in the same callback', async () => {
    const file = nextFile();
    const [one, two] = [new SqliteStore({ file }), new SqliteStore({ file })];
    // Queued before `one` first reads: it commits, and `one` reads again, in one callback.
    const write = two.listAppend('todos:ann', 'milk');
    expect(await one.listItems('todos:ann')).toEqual([]);
    await write;
    expect(await one.listItems('todos:ann')).toEqual(['milk']);
    await Promise.all([one.close(), two.close()]);
  });

  it('sees, from the next callback, what another process committed', async () => {
    const file = nextFile();
    const store = new SqliteStore({ file });
    await store.put('token:t', 'ann');
    expect(await store.get('token:t')).toBe('ann');
    expect(await store.mapValues('words:ann')).toEqual([]);
    // A plain connection, as another process would have: its commits are not counted here.
    const other = new Database(file);
    other.prepare("UPDATE kv SET value = 'bob' WHERE key = 'token:t'").run();
    other
      .prepare("INSERT INTO map_fields (key, field, value) VALUES ('words:ann', 'pear', 'Pear')")
      .run();
    other.close();
    await nextCallback();
    expect(await store.get('token:t')).toBe('bob');
    expect(await store.mapValues('words:ann')).toEqual(['Pear']);
    await store.close();
  });

  it('checks again in the next callback whatever phase of the loop the last check ran in', async () => {
    // Checking once per loop iteration (reset by setImmediate) let a check made in the check
    // phase cover the next iteration's timers and poll phases, after another process's commit.
    const file = nextFile();
    const store = new SqliteStore({ file });
    await store.listAppend('todos:ann', 'a'); // resumes in the check phase, after the commit
    expect(await store.listItems('todos:ann')).toEqual(['a']);
    const other = new Database(file);
    other.prepare("INSERT INTO list_items (key, value) VALUES ('todos:ann', 'b')").run();
    other.close();
    const later = new Promise((resolve) => {
      setTimeout(() => resolve(store.listItems('todos:ann')), 1);
    });
    const start = Date.now();
    while (Date.now() - start < 5); // the timer is due when the loop next looks
    expect(await later).toEqual(['a', 'b']);
    await store.close();
  });

  it('answers an expired value as gone though it was cached', async () => {
    let now = 0;
    const store = new SqliteStore({ file: nextFile(), now: () => now });
    await store.put('code:c', 'ann', { ttlMs: 1000 });
    expect(await store.get('code:c')).toBe('ann');
    now = 1000;
    expect(await store.get('code:c')).toBeUndefined();
    await store.close();
  });
});
