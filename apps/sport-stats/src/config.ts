import { parseBaseUrl, readBaseConfig, readInteger, type BaseConfig, type Env } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';
import {
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_MAX_CONCURRENT,
  DEFAULT_TIMEOUT_MS,
} from './upstream/upstream-client';

export const DEFAULT_PORT = 5001;
/** Where `pnpm dev` runs the fake balldontlie (packages/fake-balldontlie): the default upstream. */
export const FAKE_UPSTREAM_URL = 'http://127.0.0.1:5090/v1';
/** ERNIE Bot reads a plugin's answer for 3 s at most; the upstream wait stays under 2.5 s. */
export const MAX_TIMEOUT_MS = 2500;

export interface SportStatsConfig extends BaseConfig {
  /** The upstream client's options (`UpstreamClientOptions`), read from `UPSTREAM_*`. */
  upstream: {
    /** `UPSTREAM_URL`; unset, the fake on 127.0.0.1 (refused in production). */
    baseUrl: string;
    /** `UPSTREAM_API_KEY`: sent in `Authorization`. Never logged. */
    apiKey: string | undefined;
    timeoutMs: number;
    cacheTtlMs: number;
    maxConcurrent: number;
  };
  /** Where the answer cache lives: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
}

/**
 * Reads this app's settings from the environment; throws, naming the variable, on a bad one.
 * Without `UPSTREAM_URL` the upstream is the fake on 127.0.0.1, except in production, where an
 * unset `UPSTREAM_URL` is refused: a deployed plugin must never relay made-up stats.
 */
export function loadConfig(env: Env = process.env): SportStatsConfig {
  const base = readBaseConfig(env, DEFAULT_PORT);
  const rawUrl = env.UPSTREAM_URL?.trim();
  const apiKey = env.UPSTREAM_API_KEY?.trim() || undefined;
  // Never echo the key: only say which variable is missing.
  const realApi = '(https://api.balldontlie.io/v1 for balldontlie)';
  if (!rawUrl && base.production) {
    throw new Error(`\`UPSTREAM_URL\` must be set when \`NODE_ENV\` is production ${realApi}`);
  }
  // Keys are visible ASCII; anything else is a pasting mistake, and fetch refuses control
  // characters in a header value (RFC 9110 §5.5), so every call would fail. Never echo the key.
  if (apiKey && !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new Error('`UPSTREAM_API_KEY` may hold only visible ASCII characters (no spaces)');
  }
  if (apiKey && !rawUrl) {
    throw new Error(
      `\`UPSTREAM_API_KEY\` is set but \`UPSTREAM_URL\` is not: set \`UPSTREAM_URL\` too ${realApi}, ` +
        'or unset the key to use the fake upstream',
    );
  }
  return {
    ...base,
    upstream: {
      baseUrl: rawUrl ? parseBaseUrl(rawUrl, 'UPSTREAM_URL') : FAKE_UPSTREAM_URL,
      apiKey,
      timeoutMs: readInteger(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS),
      cacheTtlMs: readInteger(env, 'UPSTREAM_CACHE_TTL_MS', DEFAULT_CACHE_TTL_MS, 0, 3_600_000),
      maxConcurrent: readInteger(env, 'UPSTREAM_MAX_CONCURRENT', DEFAULT_MAX_CONCURRENT, 1, 1000),
    },
    store: readStoreConfig(env),
  };
}

/** One line for the start-up log: where the stats come from (never the key). */
export function describeUpstream({ baseUrl, apiKey }: SportStatsConfig['upstream']): string {
  if (baseUrl === FAKE_UPSTREAM_URL) {
    return `upstream ${baseUrl}: the fake balldontlie that \`pnpm dev\` starts (set UPSTREAM_URL and UPSTREAM_API_KEY for the real API)`;
  }
  return apiKey
    ? `upstream ${baseUrl}, API key set`
    : `upstream ${baseUrl}, no API key (set UPSTREAM_API_KEY if it needs one)`;
}
