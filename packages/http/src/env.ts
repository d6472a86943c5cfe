import { parseBaseUrl } from './public-origin';

/** What every app reads from its environment, checked once at start-up. */
export interface BaseConfig {
  port: number;
  /** `PUBLIC_BASE_URL`: the origin hosts reach the plugin at, when it is fixed. */
  publicBaseUrl: string | undefined;
  /** `TRUST_PROXY=1`: honour `X-Forwarded-Proto`/`-Host` from a reverse proxy in front. */
  trustProxy: boolean;
  production: boolean;
}

type Env = Record<string, string | undefined>;

/** Reads `name` as a boolean flag (`1`/`true`/`yes` or `0`/`false`/`no`); throws on anything else. */
export function readFlag(env: Env, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value || ['0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new Error(`\`${name}\` must be 1/true/yes or 0/false/no, got \`${env[name]}\``);
}

/** Reads `name` as a TCP port, or `fallback` when unset; throws on anything else. */
export function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`\`${name}\` must be a port number from 0 to 65535, got \`${raw}\``);
  }
  return port;
}

/** Reads the settings every plugin shares. Throws, naming the variable, on a bad value. */
export function readBaseConfig(env: Env, defaultPort: number): BaseConfig {
  const base = env.PUBLIC_BASE_URL?.trim();
  return {
    port: readPort(env, 'PORT', defaultPort),
    publicBaseUrl: base ? parseBaseUrl(base) : undefined,
    trustProxy: readFlag(env, 'TRUST_PROXY'),
    production: env.NODE_ENV === 'production',
  };
}
