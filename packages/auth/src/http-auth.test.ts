import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonErrors } from '@repo/http';
import { httpAuth, principalOf, type HttpAuthOptions } from './http-auth';

// A guarded app whose one route answers with the principal the check left behind.
function guarded(options: HttpAuthOptions, after?: () => never) {
  const app = new Koa();
  app.silent = true;
  app.use(jsonErrors());
  app.use(httpAuth(options));
  app.use(async (ctx) => {
    if (after) after();
    ctx.body = principalOf(ctx);
  });
  return request(app.callback());
}

const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

describe('httpAuth', () => {
  it('returns a middleware named after its scheme', () => {
    const verify = () => undefined;
    expect(httpAuth({ scheme: 'bearer', realm: 'r', verify }).name).toBe('bearerAuth');
    expect(httpAuth({ scheme: 'basic', realm: 'r', verify }).name).toBe('basicAuth');
  });

  it('refuses bad options at construction', () => {
    const verify = () => undefined;
    expect(() => httpAuth({ scheme: 'digest' as 'basic', realm: 'r', verify })).toThrow('`scheme`');
    expect(() => httpAuth({ scheme: 'bearer', realm: 'a "quoted" realm', verify })).toThrow(
      '`realm`',
    );
    expect(() => httpAuth({ scheme: 'bearer', realm: '', verify })).toThrow('`realm`');
    expect(() => httpAuth({ scheme: 'bearer', realm: 'r', verify: 'no' as never })).toThrow(
      '`verify`',
    );
  });

  it('hands an async verify the bearer token and keeps the principal it returns', async () => {
    const server = guarded({
      scheme: 'bearer',
      realm: 'api',
      verify: async (t) => (t === 'tok.en~1' ? { user: 'ann' } : undefined),
    });
    const res = await server.get('/').set('Authorization', 'Bearer tok.en~1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: 'ann' });
  });

  it('hands verify the decoded user:password for Basic (RFC 7617)', async () => {
    const seen: string[] = [];
    const server = guarded({
      scheme: 'basic',
      realm: 'api',
      verify: (c) => (seen.push(c), c === 'ann:p:w' ? { user: 'ann' } : undefined),
    });
    expect((await server.get('/').set('Authorization', basic('ann:p:w'))).body).toEqual({
      user: 'ann',
    });
    expect(seen).toEqual(['ann:p:w']);
  });

  it('challenges a Basic request without credentials, with no RFC 6750 error attributes', async () => {
    const server = guarded({ scheme: 'basic', realm: 'api', verify: () => undefined });
    const none = await server.get('/');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Basic realm="api", charset="UTF-8"');
    const wrong = await server.get('/').set('Authorization', basic('ann:nope'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_credentials');
    expect(wrong.headers['www-authenticate']).toBe('Basic realm="api", charset="UTF-8"');
  });

  it.each([
    ['not base64', 'Basic !!!!'],
    ['no colon', basic('annpassword')],
    ['bad padding', 'Basic YW5uOnB3=='],
    ['no scheme', 'justonetoken='],
  ])('answers a malformed Basic header (%s) with a 400 invalid_request', async (_, header) => {
    const server = guarded({ scheme: 'basic', realm: 'api', verify: () => ({}) });
    const res = await server.get('/').set('Authorization', header);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });

  it.each([
    ['starts with a letter', 'f3c0a9e1b2d4'],
    ['starts with a digit', '9f3c0a9e1b2d'],
  ])(
    'answers a bare token in the header (%s) as another scheme: a 401 challenge, not a 400',
    async (_, header) => {
      // RFC 7235 §2.1: a scheme is a `token`, which may start with a digit.
      const server = guarded({ scheme: 'bearer', realm: 'api', verify: () => ({}) });
      const res = await server.get('/').set('Authorization', header);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    },
  );

  it('lets an error thrown after a good credential through unchanged, never as a 401', async () => {
    const server = guarded({ scheme: 'bearer', realm: 'api', verify: () => ({}) }, () => {
      throw Object.assign(new Error('boom'), { status: 503 });
    });
    const res = await server.get('/').set('Authorization', 'Bearer good');
    expect(res.status).toBe(503);
  });

  it('answers a verify that throws with a 500, not a 401', async () => {
    const server = guarded({
      scheme: 'bearer',
      realm: 'api',
      verify: () => {
        throw new Error('store down');
      },
    });
    expect((await server.get('/').set('Authorization', 'Bearer any')).status).toBe(500);
  });

  it('makes principalOf fail loudly on a route no check guards', () => {
    expect(() => principalOf({ state: {} } as Koa.Context)).toThrow('not behind an auth check');
  });
});
