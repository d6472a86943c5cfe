import Koa from 'koa';
import Router from '@koa/router';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonErrors } from './json-errors';
import { notFound } from './not-found';

function app() {
  const router = new Router();
  router.get('/items', (ctx) => {
    ctx.body = { items: [] };
  });
  const koa = new Koa();
  koa.use(jsonErrors());
  koa.use(notFound());
  koa.use(router.routes());
  koa.use(router.allowedMethods());
  return koa;
}

describe('notFound', () => {
  it('answers an unknown path with a JSON 404 naming method and path', async () => {
    const res = await request(app().callback()).post('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'route_not_found', message: 'No route for POST /nope' });
  });

  it('answers a known path with the wrong method with a JSON 405 and its Allow header', async () => {
    const res = await request(app().callback()).put('/items');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('HEAD, GET');
    expect(res.body.error).toBe('method_not_allowed');
    expect(res.body.message).toContain('HEAD, GET');
  });

  it('leaves answered requests alone', async () => {
    const res = await request(app().callback()).get('/items');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });
});
