import { readBaseConfig, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';

export const DEFAULT_PORT = 5002;

export interface Config extends BaseConfig {
  /** Where the todo lists live: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...readBaseConfig(env, DEFAULT_PORT), store: readStoreConfig(env) };
}
