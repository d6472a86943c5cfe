import { readBaseConfig, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';

export const DEFAULT_PORT = 8081;

export interface Config extends BaseConfig {
  /** Where the wordbooks live: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return { ...readBaseConfig(env, DEFAULT_PORT), store: readStoreConfig(env) };
}
