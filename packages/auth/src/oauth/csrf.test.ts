import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest } from './authorization-request';
import { CsrfGuard, type CsrfOptions } from './csrf';

const REQUEST = { client_id: 'c', redirect_uri: 'https://host.test/cb' } as AuthorizationRequest;

// An app whose one route issues a form token, as the sign-in page does.
function issuing(options: Partial<CsrfOptions> = {}, proxy = false) {
  const csrf = new CsrfGuard({ path: '/oauth/authorize', ...options });
  const app = new Koa({ proxy });
  app.use(async (ctx) => {
    ctx.body = csrf.issue(ctx, REQUEST);
  });
  return request(app.callback());
}

const cookieOf = (res: request.Response) => String(res.headers['set-cookie']);

describe('CsrfGuard', () => {
  it('sets an HttpOnly, SameSite=Strict nonce cookie scoped to the endpoint, without Secure over plain http', async () => {
    const cookie = cookieOf(await issuing().get('/'));
    expect(cookie).toMatch(/^oauth_csrf=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('path=/oauth/authorize');
    expect(cookie).toContain('samesite=strict');
    expect(cookie).toContain('httponly');
    expect(cookie).not.toContain('secure');
  });

  it('marks the cookie Secure when a trusted proxy says the request came over TLS', async () => {
    const res = await issuing({}, true).get('/').set('X-Forwarded-Proto', 'https');
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toContain('secure');
  });

  it('marks the cookie Secure when the public base URL is https, even behind an untrusted proxy', async () => {
    const res = await issuing({ secureCookie: true }).get('/');
    expect(res.status).toBe(200);
    expect(cookieOf(res)).toContain('secure');
  });
});
