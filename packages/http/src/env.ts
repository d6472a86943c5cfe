import { parseBaseUrl } from './public-origin';

/** The environment as Node gives it (`process.env`), or a test's plain object. */
export type Env = Record<string, string | undefined>;

/** pino's levels; `silent` logs nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What every app reads from its environment, checked once at start-up. */
export interface BaseConfig {
  port: number;
  /** `HOST`: the address to listen on; loopback in development, every interface in production. */
  host: string | undefined;
  /** `PUBLIC_BASE_URL`: the origin hosts reach the plugin at, when it is fixed. */
  publicBaseUrl: string | undefined;
  /** `TRUST_PROXY=1`: honour `X-Forwarded-Proto`/`-Host` from a reverse proxy in front. */
  trustProxy: boolean;
  /** `NODE_ENV=production`: development conveniences off. */
  production: boolean;
  /** `LOG_LEVEL`: `info` (a line per request) unless set. */
  logLevel: LogLevel;
  /** `ALLOW_DEMO_DEFAULTS=1`: keep the public demo secrets even when listening beyond loopback. */
  allowDemoDefaults: boolean;
}

const NODE_ENVS = ['production', 'development', 'test'];

/** Reads `name` as a boolean flag (`1`/`true`/`yes` or `0`/`false`/`no`); throws on anything else. */
export function readFlag(env: Env, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value || ['0', 'false', 'no'].includes(value)) return false;
  if (['1', 'true', 'yes'].includes(value)) return true;
  throw new Error(`\`${name}\` must be 1/true/yes or 0/false/no, got \`${env[name]}\``);
}

/** Reads `name` as a whole number from `min` to `max`, or `fallback` when unset; throws on anything else. */
export function readInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`\`${name}\` must be a whole number from ${min} to ${max}, got \`${raw}\``);
  }
  return value;
}

/** Reads `name` as a TCP port, or `fallback` when unset; throws on anything else. */
export function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new Error(`\`${name}\` must be a port number from 0 to 65535, got \`${raw}\``);
  }
  return Number(raw);
}

/** Whether `host` (a `HOST` value) is a loopback address, reachable from this machine only. */
export function isLoopback(host: string | undefined): boolean {
  if (host === undefined) return false;
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function readLogLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new Error(`\`LOG_LEVEL\` must be one of ${LOG_LEVELS.join(', ')}, got \`${raw}\``);
  }
  return raw as LogLevel;
}

/**
 * Reads the settings every plugin shares. Throws, naming the variable, on a bad value; on a
 * `NODE_ENV` other than production, development or test (a `prod` would otherwise run with the
 * development defaults); and in production without `PUBLIC_BASE_URL`.
 */
export function readBaseConfig(env: Env, defaultPort: number): BaseConfig {
  const nodeEnv = env.NODE_ENV?.trim() ?? '';
  if (nodeEnv !== '' && !NODE_ENVS.includes(nodeEnv)) {
    throw new Error(`\`NODE_ENV\` must be ${NODE_ENVS.join(', ')} or unset, got \`${nodeEnv}\``);
  }
  const production = nodeEnv === 'production';
  const base = env.PUBLIC_BASE_URL?.trim();
  if (production && !base) {
    // Without it the origin written into the manifest and the spec comes from request headers.
    throw new Error('`PUBLIC_BASE_URL` must be set when NODE_ENV=production');
  }
  return {
    port: readPort(env, 'PORT', defaultPort),
    host: env.HOST?.trim() || (production ? undefined : '127.0.0.1'),
    publicBaseUrl: base ? parseBaseUrl(base) : undefined,
    trustProxy: readFlag(env, 'TRUST_PROXY'),
    production,
    logLevel: readLogLevel(env),
    allowDemoDefaults: readFlag(env, 'ALLOW_DEMO_DEFAULTS'),
  };
}

/**
 * Throws when an app would listen beyond loopback with settings still at their public demo
 * values (`inUse`, their names), unless `ALLOW_DEMO_DEFAULTS=1`: anyone who can reach it could
 * use secrets printed in the README.
 */
export function refuseDemoDefaults(config: BaseConfig, inUse: string[]): void {
  if (inUse.length === 0 || config.allowDemoDefaults || isLoopback(config.host)) return;
  const names = inUse.map((name) => `\`${name}\``).join(', ');
  const where = config.host ?? 'every interface';
  throw new Error(
    `${names} still at the public demo value while listening on ${where} (\`HOST\`): ` +
      'set real values, listen on 127.0.0.1, or set `ALLOW_DEMO_DEFAULTS=1`',
  );
}
