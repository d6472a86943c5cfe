import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connectUpstream } from '../src/connect-upstream';
import { startFakeUpstream } from '../src/fake-upstream/server';
import request from 'supertest';

const KEY = 'secret-key-3c9a7e01';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((u) => u.close()));
});

describe('loadConfig', () => {
  it('is offline with the defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(5001);
    expect(config.upstream).toEqual({
      url: undefined,
      apiKey: undefined,
      timeoutMs: 2000,
      cacheTtlMs: 60_000,
    });
    expect(config.fakeUpstreamPort).toBe(0);
    expect(config.store).toEqual({ kind: 'sqlite', dataDir: resolve('data') });
  });

  it('reads the real upstream, its key and the tuning', () => {
    const config = loadConfig({
      UPSTREAM_URL: 'https://api.balldontlie.io/v1/',
      UPSTREAM_API_KEY: ` ${KEY} `,
      UPSTREAM_TIMEOUT_MS: '1500',
      UPSTREAM_CACHE_TTL_MS: '0',
      FAKE_UPSTREAM_PORT: '5101',
      PORT: '6001',
    });
    expect(config.port).toBe(6001);
    expect(config.upstream).toEqual({
      url: 'https://api.balldontlie.io/v1',
      apiKey: KEY,
      timeoutMs: 1500,
      cacheTtlMs: 0,
    });
    expect(config.fakeUpstreamPort).toBe(5101);
  });

  it.each([
    [{ UPSTREAM_URL: 'api.balldontlie.io' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_URL: 'ftp://example.com' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_URL: 'https://example.com/v1?key=1' }, 'UPSTREAM_URL'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_TIMEOUT_MS: '3000' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_TIMEOUT_MS: '2s' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_CACHE_TTL_MS: '-1' }, 'UPSTREAM_CACHE_TTL_MS'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ FAKE_UPSTREAM_PORT: '70000' }, 'FAKE_UPSTREAM_PORT'],
  ])('refuses %o, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
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
});

describe('connectUpstream', () => {
  it('starts the bundled upstream on loopback when offline, and the plugin answers from it', async () => {
    const upstream = await connectUpstream(loadConfig({}));
    opened.push(upstream);
    expect(upstream.offline).toBe(true);
    expect(upstream.options.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(upstream.options.apiKey).toBeUndefined();
    const app = await createApp({ upstream: upstream.options });
    const res = await request(app.callback()).get('/teams');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(30);
  });

  it('points at UPSTREAM_URL with UPSTREAM_API_KEY when set, starting nothing', async () => {
    // A stand-in for the real API that insists on the key, as balldontlie does.
    const real = await startFakeUpstream({ apiKey: KEY });
    opened.push(real);
    const upstream = await connectUpstream(
      loadConfig({ UPSTREAM_URL: real.url, UPSTREAM_API_KEY: KEY, UPSTREAM_TIMEOUT_MS: '1000' }),
    );
    expect(upstream.offline).toBe(false);
    expect(upstream.options).toMatchObject({ baseUrl: real.url, apiKey: KEY, timeoutMs: 1000 });
    expect(upstream.description).toContain(real.url);
    expect(upstream.description).not.toContain(KEY);
    const app = await createApp({ upstream: upstream.options, log: () => undefined });
    const res = await request(app.callback()).get('/season_averages?player_ids=198');
    expect(res.status).toBe(200);
    expect(real.requests.at(-1)!.authorization).toBe(KEY);
  });
});
