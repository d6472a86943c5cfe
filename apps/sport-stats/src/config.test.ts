import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUpstream, FAKE_UPSTREAM_URL, loadConfig } from './config';

const KEY = 'secret-key-3c9a7e01';

// A production start needs its public URL too (`@repo/http`).
const PRODUCTION = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://plugin.example.com' };

describe('loadConfig', () => {
  it('uses the fake balldontlie on 127.0.0.1:5090 and the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(5001);
    expect(config.upstream).toEqual({
      baseUrl: 'http://127.0.0.1:5090/v1',
      apiKey: undefined,
      timeoutMs: 2000,
      cacheTtlMs: 60_000,
      maxConcurrent: 16,
    });
    expect(config.store).toEqual({ kind: 'sqlite', dataDir: resolve('data') });
    expect(describeUpstream(config.upstream)).toContain('the fake balldontlie');
  });

  it('reads the real upstream, its key and the tuning', () => {
    const config = loadConfig({
      UPSTREAM_URL: 'https://api.balldontlie.io/v1/',
      UPSTREAM_API_KEY: ` ${KEY} `,
      UPSTREAM_TIMEOUT_MS: '1500',
      UPSTREAM_CACHE_TTL_MS: '0',
      UPSTREAM_MAX_CONCURRENT: '4',
      PORT: '6001',
      ...PRODUCTION,
    });
    expect(config.port).toBe(6001);
    expect(config.upstream).toEqual({
      baseUrl: 'https://api.balldontlie.io/v1',
      apiKey: KEY,
      timeoutMs: 1500,
      cacheTtlMs: 0,
      maxConcurrent: 4,
    });
    const line = describeUpstream(config.upstream);
    expect(line).toBe('upstream https://api.balldontlie.io/v1, API key set');
    expect(line).not.toContain(KEY);
  });

  it.each([
    [{ UPSTREAM_URL: 'api.balldontlie.io' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_URL: 'ftp://example.com' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_URL: 'https://example.com/v1?key=1' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_TIMEOUT_MS: '3000' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_TIMEOUT_MS: '2s' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_CACHE_TTL_MS: '-1' }, 'UPSTREAM_CACHE_TTL_MS'],
    [{ UPSTREAM_MAX_CONCURRENT: '0' }, 'UPSTREAM_MAX_CONCURRENT'],
    [{ UPSTREAM_MAX_CONCURRENT: 'many' }, 'UPSTREAM_MAX_CONCURRENT'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
  ])('refuses %o, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('refuses to fall back to the fake in production: UPSTREAM_URL must be set', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(
      '`UPSTREAM_URL` must be set when `NODE_ENV` is production',
    );
    expect(() => loadConfig({ ...PRODUCTION, UPSTREAM_URL: ' ' })).toThrow('UPSTREAM_URL');
  });

  it('refuses a key with characters outside visible ASCII, naming the variable, not the key', () => {
    // Such a key cannot travel in a header: every call would fail instead of the start-up.
    for (const key of [`${KEY}\n`.repeat(2), `${KEY}é`, `${KEY} x`, `${KEY}\u0000`]) {
      const env = { UPSTREAM_URL: 'https://api.balldontlie.io/v1', UPSTREAM_API_KEY: key };
      let message = '';
      try {
        loadConfig(env);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, JSON.stringify(key)).toContain('`UPSTREAM_API_KEY`');
      expect(message).not.toContain(KEY);
    }
  });

  it('refuses a key without a URL, and does not repeat the key', () => {
    let message = '';
    try {
      loadConfig({ UPSTREAM_API_KEY: KEY });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('`UPSTREAM_URL`');
    expect(message).not.toContain(KEY);
  });

  it('names a URL without a key as such, so a missing key is noticed', () => {
    const { upstream } = loadConfig({ UPSTREAM_URL: 'https://stats.example.com/v1' });
    expect(upstream.baseUrl).not.toBe(FAKE_UPSTREAM_URL);
    expect(describeUpstream(upstream)).toContain('no API key (set UPSTREAM_API_KEY');
  });
});
