import { readBaseConfig, readPort, type Env, type LogLevel } from '@repo/http';

export const DEFAULT_PORT = 5099;

export interface Config {
  /** `CONSOLE_PORT`: apart from `PORT`, which `pnpm dev` may set for the apps. */
  port: number;
  /** Always loopback: the console calls plugins with your tokens and reads any URL you type. */
  host: '127.0.0.1';
  logLevel: LogLevel;
}

/** Reads the console's settings; throws, naming the variable, on a bad one. */
export function loadConfig(env: Env = process.env): Config {
  // Only `LOG_LEVEL` of the apps' shared settings applies: the console is never public.
  const { logLevel } = readBaseConfig({ LOG_LEVEL: env.LOG_LEVEL }, 0);
  return { port: readPort(env, 'CONSOLE_PORT', DEFAULT_PORT), host: '127.0.0.1', logLevel };
}
