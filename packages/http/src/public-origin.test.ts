import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { jsonErrors } from './json-errors';
import { fillPlaceholders, parseBaseUrl, perOrigin, publicOrigin } from './public-origin';

function originApp(options: { proxy?: boolean; baseUrl?: string } = {}) {
  const app = new Koa({ proxy: options.proxy ?? false });
  app.use(jsonErrors());
  app.use(async (ctx) => {
    ctx.body = { origin: publicOrigin(ctx, options.baseUrl) };
  });
  return app.callback();
}

describe('parseBaseUrl', () => {
  it('keeps the scheme as given and drops trailing slashes', () => {
    expect(parseBaseUrl('http://localhost:5002/')).toBe('http://localhost:5002');
    expect(parseBaseUrl('https://plugin.example.com//')).toBe('https://plugin.example.com');
    expect(parseBaseUrl('https://example.com/plugins/todo/')).toBe(
      'https://example.com/plugins/todo',
    );
  });

  it.each([
    ['plugin.example.com', /absolute URL/],
    ['ftp://example.com', /http/],
    ['https://example.com/?a=1', /query/],
    ['https://user:pw@example.com', /credentials/],
  ])('refuses %s, naming the setting', (value, message) => {
    expect(() => parseBaseUrl(value)).toThrow(message);
    expect(() => parseBaseUrl(value)).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe('publicOrigin', () => {
  it('takes http and the Host header from the request, never forcing https', async () => {
    const res = await request(originApp()).get('/').set('Host', 'localhost:5002');
    expect(res.body).toEqual({ origin: 'http://localhost:5002' });
  });

  it('ignores X-Forwarded-* unless the app trusts a proxy', async () => {
    const headers = {
      Host: 'internal:5002',
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'plugin.example.com',
    };
    const direct = await request(originApp()).get('/').set(headers);
    expect(direct.body.origin).toBe('http://internal:5002');
    const proxied = await request(originApp({ proxy: true }))
      .get('/')
      .set(headers);
    expect(proxied.body.origin).toBe('https://plugin.example.com');
  });

  it('prefers the configured base URL over anything the request says', async () => {
    const res = await request(originApp({ baseUrl: 'https://plugin.example.com' }))
      .get('/')
      .set('Host', 'attacker.example');
    expect(res.body.origin).toBe('https://plugin.example.com');
  });

  it.each(['evil.example"x', 'a b', 'host/path', 'x:99999999'])(
    'refuses the Host header %j with a 400',
    async (host) => {
      const res = await request(originApp()).get('/').set('Host', host);
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('Host');
    },
  );

  it.each(['https://evil.example/?', 'ftp', 'https"', 'javascript'])(
    'refuses X-Forwarded-Proto %j from a trusted proxy with a 400 naming the header',
    async (proto) => {
      const res = await request(originApp({ proxy: true }))
        .get('/')
        .set({ Host: 'plugin.example.com', 'X-Forwarded-Proto': proto });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'bad_request',
        message: '`X-Forwarded-Proto` must be http or https',
        field: 'X-Forwarded-Proto',
      });
    },
  );

  it('takes the first of several X-Forwarded-Proto values (one per proxy)', async () => {
    const res = await request(originApp({ proxy: true }))
      .get('/')
      .set({ Host: 'plugin.example.com', 'X-Forwarded-Proto': 'https, http' });
    expect(res.body.origin).toBe('https://plugin.example.com');
  });

  it('names X-Forwarded-Host when that is the bad host', async () => {
    const res = await request(originApp({ proxy: true }))
      .get('/')
      .set({ Host: 'plugin.example.com', 'X-Forwarded-Host': 'evil"x' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('X-Forwarded-Host');
  });

  it('tells caches the answer varies with the headers the origin came from', async () => {
    const direct = await request(originApp()).get('/');
    expect(direct.headers.vary).toBe('Host');
    const proxied = await request(originApp({ proxy: true })).get('/');
    expect(proxied.headers.vary).toBe('Host, X-Forwarded-Proto, X-Forwarded-Host');
    const fixed = await request(originApp({ baseUrl: 'https://plugin.example.com' })).get('/');
    expect(fixed.headers.vary).toBeUndefined();
  });

  it('accepts an IPv6 literal host', async () => {
    const res = await request(originApp()).get('/').set('Host', '[::1]:5002');
    expect(res.body.origin).toBe('http://[::1]:5002');
  });
});

describe('fillPlaceholders', () => {
  it('replaces every placeholder with no double slash', () => {
    expect(
      fillPlaceholders(
        'PLUGIN_HOSTNAME/openapi.yaml PLUGIN_HOSTNAME/logo.png',
        'http://localhost:5002',
      ),
    ).toBe('http://localhost:5002/openapi.yaml http://localhost:5002/logo.png');
  });
});

describe('perOrigin', () => {
  it('renders once per origin', () => {
    const render = vi.fn((origin: string) => `rendered for ${origin}`);
    const cached = perOrigin(render);
    expect(cached('http://a')).toBe('rendered for http://a');
    cached('http://a');
    cached('http://b');
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('stays within its bound, evicting the oldest origin', () => {
    const render = vi.fn((origin: string) => origin);
    const cached = perOrigin(render, 2);
    cached('http://a');
    cached('http://b');
    cached('http://c');
    cached('http://b');
    expect(render).toHaveBeenCalledTimes(3);
    cached('http://a');
    expect(render).toHaveBeenCalledTimes(4);
  });
});
