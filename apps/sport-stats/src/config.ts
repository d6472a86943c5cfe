import { parseBaseUrl, readBaseConfig, readPort, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';
import { DEFAULT_CACHE_TTL_MS, DEFAULT_TIMEOUT_MS } from './upstream/upstream-client';

export const DEFAULT_PORT = 5001;
/** ERNIE Bot reads a plugin's answer for 3 s at most; the upstream wait stays under 2.5 s. */
export const MAX_TIMEOUT_MS = 2500;

export interface SportStatsConfig extends BaseConfig {
  upstream: {
    /** `UPSTREAM_URL`; unset means offline: the bundled upstream is started on loopback. */
    url: string | undefined;
    /** `UPSTREAM_API_KEY`: sent in `Authorization`. Never logged. */
    apiKey: string | undefined;
    timeoutMs: number;
    cacheTtlMs: number;
  };
  /** `FAKE_UPSTREAM_PORT`: where the bundled upstream listens when offline; 0 picks a free port. */
  fakeUpstreamPort: number;
  /** Where the answer cache lives: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
}

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`\`${name}\` must be a whole number from ${min} to ${max}, got \`${raw}\``);
  }
  return value;
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: Env = process.env): SportStatsConfig {
  const rawUrl = env.UPSTREAM_URL?.trim();
  const apiKey = env.UPSTREAM_API_KEY?.trim() || undefined;
  if (apiKey && !rawUrl) {
    // Never echo the key: only say which variable is missing.
    throw new Error(
      '`UPSTREAM_API_KEY` is set but `UPSTREAM_URL` is not: set `UPSTREAM_URL` too ' +
        '(https://api.balldontlie.io/v1 for balldontlie), or unset the key to work offline',
    );
  }
  return {
    ...readBaseConfig(env, DEFAULT_PORT),
    upstream: {
      url: rawUrl ? parseBaseUrl(rawUrl, 'UPSTREAM_URL') : undefined,
      apiKey,
      timeoutMs: readInteger(env, 'UPSTREAM_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS),
      cacheTtlMs: readInteger(env, 'UPSTREAM_CACHE_TTL_MS', DEFAULT_CACHE_TTL_MS, 0, 3_600_000),
    },
    fakeUpstreamPort: readPort(env, 'FAKE_UPSTREAM_PORT', 0),
    store: readStoreConfig(env),
  };
}
