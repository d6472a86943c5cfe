import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody, jsonErrors } from '@repo/http';
import { deleteBodyAsQuery } from './delete-body-as-query';
import { loadSpec } from './load-spec';

// Two DELETE operations with query parameters, one without, and a POST.
const SPEC = `
openapi: 3.0.1
info: { title: t, version: '1' }
servers: [{ url: PLUGIN_HOSTNAME }]
paths:
  /todos/{username}:
    parameters: [{ in: path, name: username, required: true, schema: { type: string } }]
    delete:
      operationId: deleteTodo
      parameters:
        - { in: query, name: todo_idx, schema: { type: integer, minimum: 0 } }
        - { in: query, name: tags, schema: { type: array, items: { type: string } } }
        - { in: query, name: where, schema: { type: object } }
      responses: { '200': { description: ok } }
    post:
      operationId: addTodo
      parameters: [{ in: query, name: todo_idx, schema: { type: integer } }]
      responses: { '200': { description: ok } }
  /words:
    delete:
      operationId: deleteWord
      parameters: [{ in: query, name: word, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /all:
    delete:
      operationId: deleteAll
      responses: { '200': { description: ok } }
`;

// Answers with the query each request ends up with, as the router after it would see it.
let api: ReturnType<typeof request>;
const dir = mkdtempSync(join(tmpdir(), 'delete-body-as-query-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  writeFileSync(join(dir, 'openapi.yaml'), SPEC);
  const spec = await loadSpec(join(dir, 'openapi.yaml'));
  const app = new Koa()
    .use(jsonErrors())
    .use(jsonBody())
    .use(deleteBodyAsQuery(spec))
    .use(async (ctx) => {
      ctx.body = ctx.query;
    });
  api = request(app.callback());
});

describe('deleteBodyAsQuery', () => {
  it('copies the body fields the operation declares as query parameters, as query strings', async () => {
    const res = await api.delete('/todos/ann').send({ todo_idx: 2, tags: ['a', 'b'], other: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ todo_idx: '2', tags: ['a', 'b'] });
    expect((await api.delete('/words').send({ word: 'apple' })).body).toEqual({ word: 'apple' });
  });

  it('matches the operation by its path template, with or without a trailing slash', async () => {
    expect((await api.delete('/todos/b%C3%A9a/').send({ todo_idx: 0 })).body).toEqual({
      todo_idx: '0',
    });
    expect((await api.delete('/todos').send({ todo_idx: 0 })).body).toEqual({});
    expect((await api.delete('/todos/ann/more').send({ todo_idx: 0 })).body).toEqual({});
  });

  it('keeps a value the query already has: the query wins over the body', async () => {
    const res = await api.delete('/todos/ann').query({ todo_idx: '1' }).send({ todo_idx: 2 });
    expect(res.body).toEqual({ todo_idx: '1' });
  });

  it.each([
    [{ todo_idx: '1' }, '`todo_idx` must be integer'],
    [{ todo_idx: 1.5 }, '`todo_idx` must be integer'],
    [{ todo_idx: -1 }, '`todo_idx` must be >= 0'],
    [{ todo_idx: null }, '`todo_idx` must be integer'],
  ])(
    'answers a body value %j not of the parameter’s type with a 400 naming it',
    async (body, message) => {
      const res = await api.delete('/todos/ann').send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ field: 'todo_idx', message });
    },
  );

  it('leaves out an object, which has no query form', async () => {
    expect((await api.delete('/todos/ann').send({ where: { a: 1 } })).body).toEqual({});
  });

  it('leaves other methods, operations without query parameters and bodiless requests alone', async () => {
    expect((await api.post('/todos/ann').send({ todo_idx: 1 })).body).toEqual({});
    expect((await api.delete('/all').send({ todo_idx: 1 })).body).toEqual({});
    expect((await api.delete('/todos/ann').query({ todo_idx: '3' })).body).toEqual({
      todo_idx: '3',
    });
    expect((await api.delete('/todos/ann').send([1])).body).toEqual({});
  });
});
