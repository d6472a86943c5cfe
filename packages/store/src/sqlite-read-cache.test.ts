import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadCache } from './sqlite-read-cache';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-read-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `cache-${++files}.sqlite`);

/** A cache that counts the loads it makes. */
function countingCache(limits = { maxBytes: 10_000, maxBytesPerAnswer: 1_000 }) {
  const cache = new ReadCache(limits);
  const loads: string[] = [];
  const read = <T>(key: string, value: T) => cache.read(key, () => (loads.push(key), value));
  return { cache, read, loads };
}

/** A list of `n` strings of 100 characters: 200 bytes each, by the cache's estimate. */
const items = (n: number) => Array.from({ length: n }, () => 'x'.repeat(100));

describe('ReadCache', () => {
  it('loads a key once, then answers from memory, a missing row included', () => {
    const { read, loads } = countingCache();
    read('a', ['1']);
    expect(read('a', ['changed'])).toEqual(['1']);
    expect(read('none', undefined)).toBeUndefined();
    expect(read('none', { value: 'changed' })).toBeUndefined();
    expect(loads).toEqual(['a', 'none']);
  });

  it('forgets a dropped key only', () => {
    const { cache, read, loads } = countingCache();
    read('a', ['1']);
    read('b', ['1']);
    cache.drop('a');
    read('a', ['1']);
    read('b', ['1']);
    expect(loads).toEqual(['a', 'b', 'a']);
  });

  it('bounds its answers by bytes, dropping the least recently read first', () => {
    // Each answer of 4 items is a little over 800 bytes: two fit in 2,000, three do not.
    const { read, loads } = countingCache({ maxBytes: 2_000, maxBytesPerAnswer: 1_000 });
    read('a', items(4));
    read('b', items(4));
    read('a', items(4)); // now b is the least recent
    read('c', items(4)); // b goes
    read('a', items(4));
    read('c', items(4));
    read('b', items(4));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('never keeps an answer over maxBytesPerAnswer, however few items it has', () => {
    const { read, loads } = countingCache({ maxBytes: 100_000, maxBytesPerAnswer: 1_000 });
    const big = { value: 'x'.repeat(1_000), expires_at: null };
    read('big', big);
    read('list', items(5));
    read('big', big);
    read('list', items(5));
    expect(loads).toEqual(['big', 'list', 'big', 'list']);
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
