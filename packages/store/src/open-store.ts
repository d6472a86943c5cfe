import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MemoryStore } from './memory-store';
import type { RedisStoreOptions } from './redis-connect';
import { parseRedisUrl } from './redis-url';
import type { Store } from './store';

/** Which store to open: chosen by configuration, so switching needs no code change. */
export type StoreConfig =
  | { kind: 'memory'; now?: () => number }
  | { kind: 'sqlite'; dataDir: string }
  | ({ kind: 'redis' } & RedisStoreOptions);

/** The file a SQLite store keeps under its data directory. */
export const SQLITE_FILE = 'store.sqlite';

type Env = Record<string, string | undefined>;

/**
 * Reads the store configuration from the environment: `REDIS_URL` selects Redis; otherwise SQLite
 * in `DATA_DIR` (resolved against `baseDir`, default `./data` of the current directory).
 */
export function readStoreConfig(env: Env, baseDir = process.cwd()): StoreConfig {
  const url = env.REDIS_URL?.trim();
  if (url) {
    // Checked here so a typo fails at start-up; the message never repeats a password.
    try {
      parseRedisUrl(url);
    } catch (error) {
      // The cause is parseRedisUrl's own error, which never holds the URL either.
      throw new TypeError(`\`REDIS_URL\`: ${(error as Error).message}`, { cause: error });
    }
    return { kind: 'redis', url };
  }
  return { kind: 'sqlite', dataDir: resolve(baseDir, env.DATA_DIR?.trim() || 'data') };
}

/** What an app does when its store fails for good (SQLite: a failed fsync). */
export interface OpenStoreOptions {
  /** Told once; the store then fails every write. Servers pass `exitOnFatal(name)`. */
  onFatal?: (error: Error) => void;
}

/**
 * Opens the store `config` names: a SQLite file is created (with its folder) when missing, and
 * Redis is connected. Rejects when that is impossible, never exposing a Redis password.
 * @example
 * const store = await openStore(readStoreConfig(process.env), { onFatal: exitOnFatal('todo') });
 * await store.listAppend('todo-noauth:todos:ann', 'buy milk');
 */
export async function openStore(
  config: StoreConfig,
  options: OpenStoreOptions = {},
): Promise<Store> {
  switch (config.kind) {
    case 'memory':
      return new MemoryStore({ now: config.now });
    case 'sqlite': {
      // Owner-only: the file holds users' data and OAuth state.
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      // Loaded on demand, each backend only when chosen: an app on SQLite never loads ioredis.
      const { SqliteStore } = await import('./sqlite-store');
      return new SqliteStore({ file: join(config.dataDir, SQLITE_FILE), onFatal: options.onFatal });
    }
    case 'redis': {
      const { RedisStore } = await import('./redis-store');
      return RedisStore.connect(config);
    }
    default:
      throw new TypeError('`config.kind` must be memory, sqlite or redis');
  }
}

/**
 * An `onFatal` for a server: logs the error as `<name>: …` and exits with status 1, so a
 * supervisor (systemd, Docker, Kubernetes) starts the app again on a file it can trust.
 */
export function exitOnFatal(name: string): (error: Error) => void {
  return (error) => {
    console.error(`${name}: ${error.message}; exiting so that the app is restarted`);
    process.exit(1);
  };
}

/** Where `config` keeps data, for a start-up log line: never a Redis user or password. */
export function describeStore(config: StoreConfig): string {
  switch (config.kind) {
    case 'memory':
      return 'in memory (lost on exit)';
    case 'sqlite':
      return `SQLite file ${join(config.dataDir, SQLITE_FILE)}`;
    case 'redis': {
      const { host, port, db, tls } = parseRedisUrl(config.url);
      return `Redis at ${host}:${port}/${db}${tls ? ' (TLS)' : ''}`;
    }
  }
}
