import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from './memory-store';
import {
  describeStore,
  exitOnFatal,
  openStore,
  readStoreConfig,
  SQLITE_FILE,
  type StoreConfig,
} from './open-store';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readStoreConfig', () => {
  it('chooses SQLite in ./data of the base directory when nothing is set', () => {
    expect(readStoreConfig({}, '/srv/app')).toEqual({ kind: 'sqlite', dataDir: '/srv/app/data' });
  });

  it('resolves DATA_DIR against the base directory, and takes an absolute one as it is', () => {
    expect(readStoreConfig({ DATA_DIR: 'state' }, '/srv/app')).toEqual({
      kind: 'sqlite',
      dataDir: '/srv/app/state',
    });
    expect(readStoreConfig({ DATA_DIR: ' /var/lib/todo ' }, '/srv/app')).toEqual({
      kind: 'sqlite',
      dataDir: '/var/lib/todo',
    });
  });

  it('chooses Redis when REDIS_URL is set, whatever DATA_DIR says', () => {
    const env = { REDIS_URL: 'redis://:pw@127.0.0.1:6379/2', DATA_DIR: 'state' };
    expect(readStoreConfig(env)).toEqual({ kind: 'redis', url: 'redis://:pw@127.0.0.1:6379/2' });
    expect(readStoreConfig({ REDIS_URL: '  ' }, '/srv/app').kind).toBe('sqlite');
  });

  it('rejects a REDIS_URL that is not a redis:// URL, without repeating it', () => {
    const read = () => readStoreConfig({ REDIS_URL: 'http://user:hunter2@example.com' });
    expect(read).toThrow(/`REDIS_URL`: the Redis URL must start with redis:\/\/ or rediss:\/\//);
    expect(read).not.toThrow(/hunter2/);
  });
});

describe('openStore', () => {
  it('opens a memory store', async () => {
    const store = await openStore({ kind: 'memory' });
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it('creates the data directory, for its owner only, and the SQLite file in it', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ kind: 'sqlite', dataDir });
    expect(store).toBeInstanceOf(SqliteStore);
    await store.listAppend('todos:ann', 'milk');
    await store.close();
    expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const again = await openStore(readStoreConfig({ DATA_DIR: dataDir }));
    expect(await again.listItems('todos:ann')).toEqual(['milk']);
    await again.close();
  });

  it('rejects an unknown kind, naming it', async () => {
    await expect(openStore({ kind: 'mongo' } as unknown as StoreConfig)).rejects.toThrow(
      /`config.kind` must be memory, sqlite or redis/,
    );
  });
});

describe('describeStore', () => {
  it('names the file or server, never the Redis credentials', () => {
    expect(describeStore({ kind: 'sqlite', dataDir: '/srv/app/data' })).toBe(
      'SQLite file /srv/app/data/store.sqlite',
    );
    expect(
      describeStore({ kind: 'redis', url: 'rediss://app:hunter2@cache.internal:6380/2' }),
    ).toBe('Redis at cache.internal:6380/2 (TLS)');
    expect(describeStore({ kind: 'memory' })).toMatch(/memory/);
  });
});

describe('exitOnFatal', () => {
  it('logs the error under the app name and exits with status 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      exitOnFatal('todo-noauth')(new Error('the store could not make its writes durable: EIO'));
      expect(exit).toHaveBeenCalledWith(1);
      expect(log).toHaveBeenCalledWith(
        'todo-noauth: the store could not make its writes durable: EIO; exiting so that the app is restarted',
      );
    } finally {
      exit.mockRestore();
      log.mockRestore();
    }
  });
});
