import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonBody } from './json-body';
import { jsonErrors } from './json-errors';

function echo(options?: Parameters<typeof jsonBody>[0]) {
  const app = new Koa();
  app.use(jsonErrors());
  app.use(jsonBody(options));
  app.use(async (ctx) => {
    ctx.body = { got: ctx.request.body ?? null };
  });
  return app.callback();
}

describe('jsonBody', () => {
  it('parses a JSON body on DELETE, as hosts send `{"todo_idx": n}`', async () => {
    const res = await request(echo()).delete('/').send({ todo_idx: 1 });
    expect(res.body).toEqual({ got: { todo_idx: 1 } });
  });

  it('answers broken JSON with a 400 naming the body', async () => {
    const res = await request(echo())
      .post('/')
      .set('Content-Type', 'application/json')
      .send('{"todo":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'bad_request', field: 'body' });
  });

  it('answers a body over the limit with a 413', async () => {
    const res = await request(echo({ limit: '1kb' }))
      .post('/')
      .send({ todo: 'x'.repeat(2000) });
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('1kb');
  });

  it('parses forms only when asked', async () => {
    const form = await request(echo({ form: true }))
      .post('/')
      .type('form')
      .send('grant_type=refresh_token');
    expect(form.body).toEqual({ got: { grant_type: 'refresh_token' } });
    const json = await request(echo()).post('/').type('form').send('grant_type=refresh_token');
    expect(json.body).toEqual({ got: {} });
  });
});

describe('jsonBody depth', () => {
  it('answers a body nested thousands deep with a 400 naming the body, not a 500', async () => {
    const deep = '['.repeat(4000) + ']'.repeat(4000);
    const res = await request(echo())
      .delete('/')
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'bad_request',
      message: 'request body is nested deeper than 32 levels',
      field: 'body',
    });
  });

  it('accepts a body exactly as deep as the limit, objects and arrays alike', async () => {
    const body = { a: [{ b: [1] }] };
    const ok = await request(echo({ maxDepth: 4 }))
      .post('/')
      .send(body);
    expect(ok.body).toEqual({ got: body });
    const over = await request(echo({ maxDepth: 3 }))
      .post('/')
      .send(body);
    expect(over.status).toBe(400);
  });
});
