import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { errorAnswer, jsonErrors } from './json-errors';

function appThrowing(fn: (ctx: Koa.Context) => void) {
  const app = new Koa();
  app.silent = true;
  app.use(jsonErrors());
  app.use(async (ctx) => fn(ctx));
  return app;
}

describe('jsonErrors', () => {
  it('shows a 4xx message with its field and code, and no status inside the body', async () => {
    const app = appThrowing((ctx) => ctx.throw(400, '`todo` must be a string', { field: 'todo' }));
    const res = await request(app.callback()).get('/');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'bad_request',
      message: '`todo` must be a string',
      field: 'todo',
    });
  });

  it('keeps a custom snake_case code and the headers the error carries', async () => {
    const app = appThrowing((ctx) =>
      ctx.throw(401, 'token is wrong', {
        code: 'invalid_token',
        headers: { 'WWW-Authenticate': 'Bearer' },
      }),
    );
    const res = await request(app.callback()).get('/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toEqual({ error: 'invalid_token', message: 'token is wrong' });
  });

  it('hides the message of a crash, answers 500 and re-emits the error', async () => {
    const app = appThrowing(() => {
      throw new TypeError('secret detail');
    });
    const onError = vi.fn();
    app.on('error', onError);
    const res = await request(app.callback()).get('/');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal_server_error', message: 'Internal Server Error' });
    expect(res.text).not.toContain('secret');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('ignores a system error code such as ECONNRESET', async () => {
    const app = appThrowing((ctx) => ctx.throw(502, 'upstream', { code: 'ECONNRESET' }));
    const res = await request(app.callback()).get('/');
    expect(res.body.error).toBe('bad_gateway');
  });

  it('keeps headers set before the error, such as CORS', async () => {
    const app = new Koa();
    app.use(jsonErrors());
    app.use(async (ctx, next) => {
      ctx.set('Access-Control-Allow-Origin', 'https://chatgpt.com');
      await next();
    });
    app.use(async (ctx) => ctx.throw(404, 'gone'));
    const res = await request(app.callback()).get('/');
    expect(res.headers['access-control-allow-origin']).toBe('https://chatgpt.com');
  });
});

describe('errorAnswer', () => {
  it('shows a 4xx with its code and field, and hides everything of a 5xx or a plain error', () => {
    const conflict = Object.assign(new Error('the `book` is full'), {
      status: 409,
      expose: true,
      code: 'book_full',
      field: 'book',
      headers: { 'Retry-After': '1' },
    });
    expect(errorAnswer(conflict)).toEqual({
      status: 409,
      body: { error: 'book_full', message: 'the `book` is full', field: 'book' },
      headers: { 'Retry-After': '1' },
    });
    const secret = Object.assign(new Error('db password is hunter2'), { status: 503, field: 'x' });
    expect(errorAnswer(secret).body).toEqual({
      error: 'service_unavailable',
      message: 'Service Unavailable',
    });
    expect(errorAnswer(new TypeError('x is undefined'))).toMatchObject({
      status: 500,
      body: { error: 'internal_server_error', message: 'Internal Server Error' },
    });
    expect(errorAnswer(undefined).status).toBe(500);
  });
});
