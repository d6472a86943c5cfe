import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonErrors } from '@repo/http';
import { operationScopes, withScopes } from './scopes';

const document = {
  security: [{ oauth: ['read'] }],
  paths: {
    '/items': {
      get: { operationId: 'list' },
      post: { operationId: 'add', security: [{ oauth: ['write'] }] },
      delete: { operationId: 'open', security: [] },
    },
  },
};

describe('operationScopes', () => {
  it("takes an operation's own security, else the document's", () => {
    expect(operationScopes(document, 'oauth')).toEqual({
      list: ['read'],
      add: ['write'],
      open: [],
    });
  });
});

describe('withScopes', () => {
  const app = (scope: string[]) => {
    const handlers = withScopes(
      { add: (ctx: Koa.Context) => void (ctx.body = 'added') },
      { add: ['write'] },
      'r',
    );
    return new Koa()
      .use(jsonErrors())
      .use(async (ctx, next) => {
        ctx.state.principal = { user: 'u', scope };
        await next();
      })
      .use(handlers.add as Koa.Middleware)
      .callback();
  };

  it('runs the handler for a token with the scope', async () => {
    expect((await request(app(['read', 'write'])).get('/')).text).toBe('added');
  });

  it('answers a token without it with 403 insufficient_scope and the RFC 6750 challenge', async () => {
    const res = await request(app(['read'])).get('/');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('insufficient_scope');
    expect(res.headers['www-authenticate']).toBe(
      'Bearer realm="r", error="insufficient_scope", scope="write"',
    );
  });
});
