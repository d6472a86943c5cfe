import { readBaseConfig, type BaseConfig } from '@repo/http';

export const DEFAULT_PORT = 8081;

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  return readBaseConfig(env, DEFAULT_PORT);
}
