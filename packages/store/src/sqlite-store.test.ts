import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreConformance } from '../test/conformance/index';
import { fakeClock } from '../test/fake-clock';
import { SCHEMA_VERSION } from './sqlite-schema';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const nextFile = () => join(dir, `test-${++files}.sqlite`);

const clock = fakeClock();
// No peer: a file belongs to one store (`sqlite-durability.test.ts` tries a second process).
describeStoreConformance('SqliteStore', {
  open: async () => new SqliteStore({ file: nextFile(), now: clock.now }),
  advance: clock.advance,
  ttlMs: 60_000,
});

describe('SqliteStore', () => {
  it('keeps its data when closed and opened again', async () => {
    const path = nextFile();
    const first = new SqliteStore({ file: path });
    await first.listAppend('todos:ann', 'milk');
    await first.setAdd('words:ann', 'apple');
    await first.mapAdd('words:ann', 'pear', 'Pear');
    await first.put('token:t', 'ann');
    await first.close();
    const again = new SqliteStore({ file: path });
    expect(await again.listItems('todos:ann')).toEqual(['milk']);
    expect(await again.setMembers('words:ann')).toEqual(['apple']);
    expect(await again.mapValues('words:ann')).toEqual(['Pear']);
    expect(await again.get('token:t')).toBe('ann');
    await again.close();
  });

  it('leaves the file in WAL mode', async () => {
    const path = nextFile();
    await new SqliteStore({ file: path }).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('drops expired values on later writes, so unread keys cannot pile up', async () => {
    const path = nextFile();
    const { now, advance } = fakeClock();
    const store = new SqliteStore({ file: path, now });
    for (let i = 0; i < 10; i++) await store.put(`cache:${i}`, 'x', { ttlMs: 1000 });
    await advance(1000);
    await store.put('cache:fresh', 'y', { ttlMs: 1000 });
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT key FROM kv').pluck().all()).toEqual(['cache:fresh']);
    raw.close();
  });

  it('refuses a file written by a newer schema, naming the versions', () => {
    const path = nextFile();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => new SqliteStore({ file: path })).toThrow(
      new RegExp(`schema 99; this code knows ${SCHEMA_VERSION}\\b`),
    );
  });

  it('opens a file written by schema 1, keeps its data and adds maps to it', async () => {
    // Written by the SqliteStore of schema 1 (lists, sets, values), before maps existed.
    const path = nextFile();
    copyFileSync(new URL('../test/fixtures/schema-1.sqlite', import.meta.url), path);
    const store = new SqliteStore({ file: path });
    expect(await store.listItems('todo-noauth:todos:ann')).toEqual(['buy milk', 'walk the dog']);
    expect(await store.setMembers('wordbook:words:default')).toEqual(['apple', 'Brave']);
    expect(await store.get('todo-oauth:token:abc')).toBe('ann');
    expect(await store.mapAdd('wordbook:words:default', 'apple', 'apple')).toBe('added');
    expect(await store.listAppend('todo-noauth:todos:ann', 'new')).toBe(2);
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    const again = new SqliteStore({ file: path });
    expect(await again.mapValues('wordbook:words:default')).toEqual(['apple']);
    await again.close();
  });

  it('counts the maps of a schema-3 file when it opens it, so their caps still hold', async () => {
    const path = nextFile();
    const first = new SqliteStore({ file: path });
    for (const word of ['a', 'b', 'c']) await first.mapAdd('book:ann', word, word);
    await first.close();
    // Back to schema 3: maps, but no table of their sizes.
    const raw = new Database(path);
    raw.exec('DROP TABLE map_sizes; PRAGMA user_version = 3');
    raw.close();
    const again = new SqliteStore({ file: path });
    expect(await again.mapAdd('book:ann', 'd', 'd', { maxFields: 4 })).toBe('added');
    expect(await again.mapAdd('book:ann', 'e', 'e', { maxFields: 4 })).toBe('full');
    expect(await again.mapRemove('book:ann', 'a')).toBe('a');
    expect(await again.mapAdd('book:ann', 'e', 'e', { maxFields: 4 })).toBe('added');
    await again.close();
    // A process of the older build, which opened the file before the migration, adds a field the
    // way it did (no size of its own to keep): the size is still counted.
    const older = new Database(path);
    older
      .prepare('INSERT INTO map_fields (key, field, value) VALUES (?, ?, ?)')
      .run('book:ann', 'f', 'f');
    older.close();
    const last = new SqliteStore({ file: path });
    expect(await last.mapAdd('book:ann', 'g', 'g', { maxFields: 5 })).toBe('full');
    expect(await last.mapRemove('book:ann', 'f')).toBe('f');
    expect(await last.mapAdd('book:ann', 'g', 'g', { maxFields: 5 })).toBe('added');
    await last.close();
  });

  it('refuses a second store on a file another holds, naming REDIS_URL, and opens once it is closed', async () => {
    const path = nextFile();
    const first = new SqliteStore({ file: path });
    await first.listAppend('todos:ann', 'milk');
    expect(() => new SqliteStore({ file: path, busyTimeoutMs: 10 })).toThrow(
      /in use by another process.*set REDIS_URL/,
    );
    // A plain connection cannot read it either: no one changes the file behind the store's back.
    const raw = new Database(path, { timeout: 10 });
    expect(() => raw.prepare('SELECT count(*) FROM list_items').get()).toThrow(/locked/);
    raw.close();
    await first.close();
    const again = new SqliteStore({ file: path });
    expect(await again.listItems('todos:ann')).toEqual(['milk']);
    await again.close();
  });

  it('after a failed sync, tells onFatal once and fails every write and probe', async () => {
    const fatal: Error[] = [];
    const store = new SqliteStore({
      file: nextFile(),
      syncFile: (_, done) => done(new Error('EIO: i/o error')),
      onFatal: (error) => fatal.push(error),
    });
    await expect(store.listAppend('todos:ann', 'a')).rejects.toThrow(/durable: EIO/);
    await expect(store.setAdd('words:ann', 'b')).rejects.toThrow(/durable: EIO/);
    await expect(store.probe()).rejects.toThrow(/durable: EIO/);
    expect(fatal.map((error) => error.message)).toEqual([
      'the store could not make its writes durable: EIO: i/o error',
    ]);
    await store.close();
  });

  it('throws a clear error when the folder does not exist', () => {
    expect(() => new SqliteStore({ file: join(dir, 'missing', 'x.sqlite') })).toThrow(/directory/);
  });
});
