import Koa from 'koa';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonBody, jsonErrors } from '@repo/http';
import { loadSpec, type LoadedSpec } from './load-spec';
import { routeOperations } from './route-operations';
import { validInput } from './validate-request';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await loadSpec(new URL('../test/fixtures/openapi.yaml', import.meta.url));
});

function app() {
  const router = routeOperations(spec, {
    listItems: (ctx) => {
      ctx.body = validInput(ctx);
    },
    addItem: (ctx) => {
      ctx.status = 201;
      ctx.body = validInput(ctx).body;
    },
  });
  const koa = new Koa();
  koa.use(jsonErrors());
  koa.use(jsonBody());
  koa.use(router.routes());
  return koa.callback();
}

describe('routeOperations', () => {
  it('refuses a spec operation that has no handler', () => {
    expect(() => routeOperations(spec, { listItems: () => {} })).toThrow(
      /`addItem` .* has no handler/,
    );
  });

  it('refuses a handler that has no spec operation', () => {
    expect(() =>
      routeOperations(spec, { listItems: () => {}, addItem: () => {}, extra: () => {} }),
    ).toThrow(/handler `extra` has no operation/);
  });

  it('hands the handler query values coerced to the schema types', async () => {
    const res = await request(app()).get('/items/ann?limit=5&since=2024-01-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ path: { owner: 'ann' }, query: { limit: 5, since: '2024-01-31' } });
  });

  it.each(['ids=1&ids=2', 'ids[]=1&ids[]=2', 'ids%5B%5D=1&ids=2'])(
    'reads the array form %s',
    async (query) => {
      const res = await request(app()).get(`/items/ann?${query}`);
      expect(res.body.query).toEqual({ ids: [1, 2] });
    },
  );

  it('reads a single array value as a one-item list', async () => {
    const res = await request(app()).get('/items/ann?ids=7');
    expect(res.body.query).toEqual({ ids: [7] });
  });

  it.each([
    ['/items/ann?limit=abc', 'limit', 'must be integer'],
    ['/items/ann?limit=0', 'limit', 'must be >= 1'],
    ['/items/ann?limit=1&limit=2', 'limit', 'must be integer'],
    ['/items/ann?ids=x', 'ids.0', 'must be integer'],
    ['/items/ann?since=2024-13-01', 'since', 'must match format "date"'],
    ['/items/far-too-long-owner', 'owner', 'must NOT have more than 8 characters'],
  ])('answers %s with a 400 naming `%s`', async (url, field, message) => {
    const res = await request(app()).get(url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field, message: `\`${field}\` ${message}` });
  });

  it('accepts a valid body and passes it on untouched', async () => {
    const res = await request(app())
      .post('/items/ann')
      .send({ name: 'cup', color: 'red', tags: ['a'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'cup', color: 'red', tags: ['a'] });
  });

  it.each([
    [{}, 'name', '`name` is required'],
    [{ name: '' }, 'name', '`name` must not be empty'],
    [{ name: 5 }, 'name', '`name` must be string'],
    [{ name: 'cup', color: 'green' }, 'color', '`color` must be one of "red", "blue"'],
    [{ name: 'cup', owner: 'me' }, 'owner', '`owner` is not allowed here'],
    [{ name: 'cup', tags: [1] }, 'tags.0', '`tags.0` must be string'],
    [[], 'body', '`body` must be object'],
  ])('answers the body %j with a 400 naming `%s`', async (body, field, message) => {
    const res = await request(app()).post('/items/ann').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', field, message });
  });

  it('does not coerce body values: "5" is not a number there', async () => {
    const res = await request(app()).post('/items/ann').send({ name: 'cup', tags: 'a' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('tags');
  });

  it('answers a missing required body with a 400 and another media type with a 415', async () => {
    const missing = await request(app()).post('/items/ann');
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('body');
    const text = await request(app())
      .post('/items/ann')
      .set('Content-Type', 'text/plain')
      .send('name=cup');
    expect(text.status).toBe(415);
    expect(text.body.field).toBe('Content-Type');
  });
});
