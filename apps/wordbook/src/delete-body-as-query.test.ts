import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonBody } from '@repo/http';
import { deleteBodyAsQuery } from './delete-body-as-query';

// The query each request ends up with, as the router after this middleware would see it.
const app = new Koa()
  .use(jsonBody())
  .use(deleteBodyAsQuery())
  .use(async (ctx) => {
    ctx.body = ctx.query;
  });
const api = request(app.callback());

describe('deleteBodyAsQuery', () => {
  it("moves a DELETE body's scalar fields into the query, as strings", async () => {
    const res = await api.delete('/x').send({ word: 'apple', n: 2, ok: true });
    expect(res.body).toEqual({ word: 'apple', n: '2', ok: 'true' });
  });

  it('keeps a value already in the query, and leaves arrays and objects out', async () => {
    const res = await api
      .delete('/x')
      .query({ word: 'pear' })
      .send({ word: 'apple', list: ['a'], nested: { a: 1 }, nothing: null });
    expect(res.body).toEqual({ word: 'pear' });
  });

  it('leaves other methods alone', async () => {
    expect((await api.post('/x').send({ word: 'apple' })).body).toEqual({});
  });
});
