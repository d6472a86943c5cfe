import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '@repo/store';
import { MAX_TODOS, todoStore, type TodoStore } from '@repo/todos';
import { createApp } from './app';

let api: ReturnType<typeof request>;
let todos: TodoStore;

beforeEach(async () => {
  const store = new MemoryStore();
  // The app's lists, as the app keeps them in the store: under `todo-noauth:todos:<user>`.
  todos = todoStore(store, 'todo-noauth');
  api = request((await createApp({ store })).callback());
});

describe('getTodos', () => {
  it('returns { todos: [] } for a user it has never seen, not a 500', async () => {
    const res = await api.get('/todos/nobody');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ todos: [] });
  });

  it("returns the user's todos in the order they were added", async () => {
    await todos.add('ann', 'first');
    await todos.add('ann', 'second');
    await todos.add('bob', 'his');
    expect((await api.get('/todos/ann')).body).toEqual({ todos: ['first', 'second'] });
  });
});

describe('addTodo', () => {
  it('adds a todo and answers 201 with it and its index, as JSON', async () => {
    await todos.add('ann', 'first');
    const res = await api.post('/todos/ann').send({ todo: 'Buy milk' });
    expect(res.status).toBe(201);
    expect(res.type).toBe('application/json');
    expect(res.body).toEqual({ todo: 'Buy milk', index: 1 });
    expect(await todos.list('ann')).toEqual(['first', 'Buy milk']);
  });

  it.each([
    [{}, '`todo` is required'],
    [{ todo: '' }, '`todo` must not be empty'],
    [{ todo: '   ' }, '`todo` must not be blank'],
    [{ todo: 42 }, '`todo` must be string'],
    [{ todo: 'x'.repeat(501) }, '`todo` must NOT have more than 500 characters'],
  ])('rejects %j with a JSON 400 naming `todo`', async (body, message) => {
    const res = await api.post('/todos/ann').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', message, field: 'todo' });
    expect(await todos.list('ann')).toEqual([]);
  });

  it('rejects broken JSON with a 400 and an oversized body with a 413', async () => {
    const broken = await api
      .post('/todos/ann')
      .set('Content-Type', 'application/json')
      .send('{"todo": "x"');
    expect(broken.status).toBe(400);
    const huge = await api.post('/todos/ann').send({ todo: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('payload_too_large');
  });

  it('rejects a username over 64 characters', async () => {
    const res = await api.post(`/todos/${'u'.repeat(65)}`).send({ todo: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('username');
  });

  it('answers a JSON 409 naming `todo` once the list holds MAX_TODOS, and adds nothing', async () => {
    for (let i = 0; i < MAX_TODOS; i++) await todos.add('ann', `todo ${i}`);
    const res = await api.post('/todos/ann').send({ todo: 'one more' });
    expect(res.status).toBe(409);
    expect(res.type).toBe('application/json');
    expect(res.body).toMatchObject({ field: 'todo', message: expect.stringMatching(/full/) });
    expect(await todos.list('ann')).toHaveLength(MAX_TODOS);
    expect((await api.post('/todos/bob').send({ todo: 'his' })).status).toBe(201);
  });

  it('rejects a todo holding a control character with a 400 naming `todo`', async () => {
    const res = await api.post('/todos/ann').send({ todo: 'bell\u0007' });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('todo');
    expect((await api.post('/todos/ann').send({ todo: 'two\nlines\tand a tab' })).status).toBe(201);
  });
});

describe('deleteTodo', () => {
  beforeEach(async () => {
    for (const todo of ['a', 'b', 'c']) await todos.add('ann', todo);
  });

  it('deletes by the index in the query, as generic OpenAPI clients send it', async () => {
    const res = await api.delete('/todos/ann?todo_idx=1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ todo: 'b', index: 1 });
    expect(await todos.list('ann')).toEqual(['a', 'c']);
  });

  it("still accepts the original sample's JSON body", async () => {
    const res = await api.delete('/todos/ann').send({ todo_idx: 2 });
    expect(res.body).toEqual({ todo: 'c', index: 2 });
  });

  it('answers an index out of range with a JSON 404 and deletes nothing', async () => {
    const res = await api.delete('/todos/ann?todo_idx=3');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'not_found', field: 'todo_idx' });
    expect(await todos.list('ann')).toEqual(['a', 'b', 'c']);
  });

  it('answers a user with no list with a JSON 404, not a 500', async () => {
    const res = await api.delete('/todos/nobody').send({ todo_idx: 0 });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });

  it.each([
    ['/todos/ann?todo_idx=one', undefined],
    ['/todos/ann?todo_idx=-1', undefined],
    ['/todos/ann', { todo_idx: '1' }],
    ['/todos/ann', { todo_idx: 1.5 }],
    ['/todos/ann', undefined],
  ])('answers %s with body %j by a 400 naming `todo_idx`', async (url, body) => {
    const call = api.delete(url);
    const res = await (body === undefined ? call : call.send(body));
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('todo_idx');
    expect(await todos.list('ann')).toEqual(['a', 'b', 'c']);
  });
});

describe('the rest of the surface', () => {
  it('answers an unknown route with a JSON 404 and a wrong method with a JSON 405', async () => {
    expect((await api.get('/todo/ann')).body.error).toBe('route_not_found');
    const put = await api.put('/todos/ann').send({ todo: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toContain('POST');
  });

  it('allows http://localhost:* in development only', async () => {
    const prod = request((await createApp({ production: true })).callback());
    const origin = 'http://localhost:3000';
    expect(
      (await api.get('/todos/a').set('Origin', origin)).headers['access-control-allow-origin'],
    ).toBe(origin);
    expect(
      (await prod.get('/todos/a').set('Origin', origin)).headers['access-control-allow-origin'],
    ).toBeUndefined();
  });
});
