import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { jsonErrors } from '@repo/http';
import { loadManifest } from './load-manifest';
import { pngSize } from './png';
import { serveManifest } from './serve-manifest';

const fixture = (name: string) => new URL(`../test/fixtures/${name}`, import.meta.url);

function app(options: { publicBaseUrl?: string; proxy?: boolean } = {}) {
  const manifest = loadManifest(fixture('ai-plugin.json'));
  const koa = new Koa({ proxy: options.proxy ?? false });
  koa.use(jsonErrors());
  koa.use(
    serveManifest({
      manifest,
      logoFile: fixture('logo.png'),
      publicBaseUrl: options.publicBaseUrl,
    }),
  );
  return { koa, manifest };
}

describe('serveManifest', () => {
  it('serves the manifest as application/json with http:// kept and no double slash', async () => {
    const res = await request(app().koa.callback())
      .get('/.well-known/ai-plugin.json')
      .set('Host', 'localhost:5002');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.body.api.url).toBe('http://localhost:5002/openapi.yaml');
    expect(res.body.logo_url).toBe('http://localhost:5002/logo.png');
  });

  it('uses PUBLIC_BASE_URL when configured, whatever the Host header says', async () => {
    const { koa } = app({ publicBaseUrl: 'https://plugin.example.com' });
    const res = await request(koa.callback())
      .get('/.well-known/ai-plugin.json')
      .set('Host', 'attacker.example');
    expect(res.body.api.url).toBe('https://plugin.example.com/openapi.yaml');
  });

  it('honours X-Forwarded-Proto/-Host only behind a trusted proxy', async () => {
    const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'plugin.example.com' };
    const direct = await request(app().koa.callback())
      .get('/.well-known/ai-plugin.json')
      .set(forwarded);
    expect(direct.body.api.url).not.toContain('plugin.example.com');
    const proxied = await request(app({ proxy: true }).koa.callback())
      .get('/.well-known/ai-plugin.json')
      .set(forwarded);
    expect(proxied.body.api.url).toBe('https://plugin.example.com/openapi.yaml');
  });

  it('renders once per origin, not once per request', async () => {
    const { koa, manifest } = app();
    const render = vi.spyOn(manifest, 'render');
    for (let i = 0; i < 3; i++)
      await request(koa.callback()).get('/.well-known/ai-plugin.json').set('Host', 'a.test');
    await request(koa.callback()).get('/.well-known/ai-plugin.json').set('Host', 'b.test');
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('serves the logo as a PNG at the path the manifest names', async () => {
    const res = await request(app().koa.callback()).get('/logo.png').buffer(true);
    expect(res.type).toBe('image/png');
    expect(pngSize(res.body as Buffer)).toEqual({ width: 512, height: 512 });
  });

  it('passes other paths and methods on', async () => {
    const { koa } = app();
    expect((await request(koa.callback()).get('/other')).status).toBe(404);
    expect((await request(koa.callback()).post('/.well-known/ai-plugin.json')).status).toBe(404);
  });

  it('refuses a logo that is not a PNG at construction', () => {
    const manifest = loadManifest(fixture('ai-plugin.json'));
    expect(() => serveManifest({ manifest, logoFile: fixture('ai-plugin.json') })).toThrow(
      /is not a PNG/,
    );
  });
});
