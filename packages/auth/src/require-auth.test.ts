import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { manifestAuth, type AuthConfig } from './auth-config';
import { requireAuth } from './require-auth';

describe('requireAuth', () => {
  it('lets every request through for auth type none', async () => {
    const app = new Koa();
    app.use(requireAuth({ type: 'none' }));
    app.use(async (ctx) => {
      ctx.body = { ok: true };
    });
    const res = await request(app.callback()).get('/');
    expect(res.body).toEqual({ ok: true });
  });

  it('refuses an auth type it does not know, at construction', () => {
    expect(() => requireAuth({ type: 'magic' } as unknown as AuthConfig)).toThrow(
      /unsupported auth type `magic`/,
    );
  });

  it('announces the same mode in the manifest', () => {
    expect(manifestAuth({ type: 'none' })).toEqual({ type: 'none' });
  });
});
