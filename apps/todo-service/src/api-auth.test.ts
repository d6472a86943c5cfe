import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '@repo/store';
import { createApp } from './app';

const serviceToken = 'test-service-token-0123456789abcdef';
const app = () => createApp({ serviceToken, verificationToken: 'test-verification' });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const calls = [
  ['get', '/todos/global'],
  ['post', '/todos/global'],
  ['delete', '/todos/global?todo_idx=0'],
] as const;

describe('todo-service: the service token guards the API, and only the API', () => {
  afterEach(() => vi.restoreAllMocks());

  it('serves the manifest, the spec and the logo without a token', async () => {
    const server = request((await app()).callback());
    for (const path of [
      '/.well-known/ai-plugin.json',
      '/openapi.yaml',
      '/openapi.json',
      '/logo.png',
    ]) {
      expect((await server.get(path)).status, path).toBe(200);
    }
  });

  it('announces service_http bearer and the verification token in the manifest, never the service token', async () => {
    const res = await request((await app()).callback()).get('/.well-known/ai-plugin.json');
    expect(res.body.auth).toEqual({
      type: 'service_http',
      authorization_type: 'bearer',
      verification_tokens: { openai: 'test-verification' },
    });
    expect(res.text).not.toContain(serviceToken);
  });

  it.each(calls)(
    'answers %s %s without a token with a 401 and a Bearer challenge',
    async (method, path) => {
      const server = request((await app()).callback());
      const res = await server[method](path).send({ todo: 'x' });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="todo-service"');
      expect(res.body.error).toBe('unauthorized');
    },
  );

  it.each(calls)(
    'answers %s %s with a wrong token with a 401 invalid_token',
    async (method, path) => {
      const server = request((await app()).callback());
      const res = await server[method](path).set(bearer('wrong-token')).send({ todo: 'x' });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_token');
      expect(res.headers['www-authenticate']).toMatch(
        /^Bearer realm="todo-service", error="invalid_token"/,
      );
    },
  );

  it.each([
    ['a bearer with no token', 'Bearer '],
    ['a token with a space in it', 'Bearer two words'],
    ['a token with a forbidden character', 'Bearer abc,def'],
  ])('answers %s with a 400 invalid_request', async (_, header) => {
    const res = await request((await app()).callback())
      .get('/todos/global')
      .set('Authorization', header);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request', field: 'Authorization' });
    expect(res.headers['www-authenticate']).toContain('error="invalid_request"');
  });

  it('treats another scheme as no credential at all (RFC 6750 §3.1)', async () => {
    const res = await request((await app()).callback())
      .get('/todos/global')
      .auth('user', 'pass');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="todo-service"');
  });

  it('lets the right token through, with the scheme in any case', async () => {
    const server = request((await app()).callback());
    const added = await server
      .post('/todos/global')
      .set(bearer(serviceToken))
      .send({ todo: 'Buy milk' });
    expect(added.status).toBe(201);
    const listed = await server.get('/todos/global').set('Authorization', `bearer ${serviceToken}`);
    expect(listed.body).toEqual({ todos: ['Buy milk'] });
  });

  it("checks the token before a DELETE's JSON body, then deletes by the body's `todo_idx`", async () => {
    const server = request((await app()).callback());
    await server.post('/todos/global').set(bearer(serviceToken)).send({ todo: 'Buy milk' });
    const anonymous = await server.delete('/todos/global').send({ todo_idx: 'not a number' });
    expect(anonymous.status).toBe(401);
    const deleted = await server
      .delete('/todos/global')
      .set(bearer(serviceToken))
      .send({ todo_idx: 0 });
    expect(deleted.body).toEqual({ todo: 'Buy milk', index: 0 });
  });

  it('answers an unknown path with a 404 and a known path with a wrong method with a 405, token or not', async () => {
    const server = request((await app()).callback());
    expect((await server.get('/nothing/here')).status).toBe(404);
    expect((await server.put('/todos/global')).status).toBe(405);
  });

  it('leaves an error behind the check as it is: a bad body is a 400, a failing store a 500, never a 401', async () => {
    const store = new MemoryStore();
    vi.spyOn(store, 'listItems').mockRejectedValue(new Error('disk on fire'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const server = request(
      (await createApp({ serviceToken, verificationToken: 'v', store })).callback(),
    );
    const bad = await server.post('/todos/global').set(bearer(serviceToken)).send({ todo: '' });
    expect(bad.status).toBe(400);
    const failing = await server.get('/todos/global').set(bearer(serviceToken));
    expect(failing.status).toBe(500);
  });

  it('never writes a token to the console or into a response', async () => {
    const lines: unknown[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args) => void lines.push(...args));
    }
    const server = request((await app()).callback());
    const sent = 'a-guessed-token-0123456789';
    const responses = [
      await server.get('/todos/global').set(bearer(sent)),
      await server.get('/todos/global').set('Authorization', `Bearer ${sent} x`),
      await server.get('/todos/global').set(bearer(serviceToken)),
    ];
    for (const res of responses) {
      expect(res.text).not.toContain(sent);
      expect(JSON.stringify(res.headers)).not.toContain(sent);
    }
    expect(JSON.stringify(lines)).not.toContain(sent);
    expect(JSON.stringify(lines)).not.toContain(serviceToken);
  });

  it('refuses to start with a token a host could never send', async () => {
    await expect(createApp({ serviceToken: 'has spaces', verificationToken: 'v' })).rejects.toThrow(
      '`token` must be a bearer token',
    );
    await expect(createApp({ serviceToken: '', verificationToken: 'v' })).rejects.toThrow(
      '`token` must be a non-empty string',
    );
  });
});
