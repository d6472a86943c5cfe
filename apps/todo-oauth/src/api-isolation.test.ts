import { describe, expect, it } from 'vitest';
import { FakeHost, testApp } from '../test/fake-host';

describe("a token reaches its own user's todos and nobody else's", () => {
  it("keeps alice's and bob's lists apart, whatever the request says", async () => {
    const host = new FakeHost(await testApp());
    const alice = (await host.signIn('alice')).access_token;
    const bob = (await host.signIn('bob')).access_token;
    await host.api('post', '/todos', alice).send({ todo: 'alice: pay rent' });
    await host.api('post', '/todos', bob).send({ todo: 'bob: walk the dog' });

    expect((await host.api('get', '/todos', alice)).body).toEqual({ todos: ['alice: pay rent'] });
    expect((await host.api('get', '/todos', bob)).body).toEqual({ todos: ['bob: walk the dog'] });
    // A username anywhere in the request changes nothing: there is no such route or field.
    expect((await host.api('get', '/todos/alice', bob)).status).toBe(404);
    expect((await host.api('get', '/todos', bob).query({ username: 'alice' })).body).toEqual({
      todos: ['bob: walk the dog'],
    });
    expect(
      (await host.api('post', '/todos', bob).send({ todo: 'x', username: 'alice' })).status,
    ).toBe(400);
    // Bob deleting index 0 deletes his own, and then there is nothing left for him to delete.
    expect((await host.api('delete', '/todos', bob).query({ todo_idx: 0 })).body).toEqual({
      todo: 'bob: walk the dog',
      index: 0,
    });
    expect((await host.api('delete', '/todos', bob).query({ todo_idx: 0 })).status).toBe(404);
    expect((await host.api('get', '/todos', alice)).body).toEqual({ todos: ['alice: pay rent'] });
  });

  it('answers no token, a tampered token and a malformed header per RFC 6750', async () => {
    const host = new FakeHost(await testApp());
    const token = (await host.signIn()).access_token;

    const none = await host.server.get('/todos');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="todo-oauth"');

    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    const wrong = await host.api('get', '/todos', tampered);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_token');
    expect(wrong.headers['www-authenticate']).toContain('error="invalid_token"');
    expect(wrong.text).not.toContain(tampered);

    const malformed = await host.server.get('/todos').set('Authorization', `Bearer ${token} extra`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('invalid_request');

    // Without `Bearer`, the token is read as a scheme of its own (RFC 7235 §2.1), digit or not.
    for (const first of ['9', 'f']) {
      const bare = await host.server.get('/todos').set('Authorization', first + token.slice(1));
      expect(bare.status).toBe(401);
      expect(bare.headers['www-authenticate']).toBe('Bearer realm="todo-oauth"');
    }
  });

  it('publishes the same endpoints in the manifest and the spec', async () => {
    const host = new FakeHost(await testApp());
    const manifest = (
      await host.server.get('/.well-known/ai-plugin.json').set('Host', 'plugin.test')
    ).body;
    const spec = (await host.server.get('/openapi.json').set('Host', 'plugin.test')).body;
    const flow = spec.components.securitySchemes.oauth.flows.authorizationCode;
    expect(manifest.auth).toEqual({
      type: 'oauth',
      client_url: 'http://plugin.test/oauth/authorize',
      scope: 'todos:read todos:write',
      authorization_url: 'http://plugin.test/oauth/token',
      authorization_content_type: 'application/json',
      verification_tokens: { openai: 'test-verification' },
    });
    expect(flow.authorizationUrl).toBe(manifest.auth.client_url);
    expect(flow.tokenUrl).toBe(manifest.auth.authorization_url);
    expect(Object.keys(flow.scopes).join(' ')).toBe(manifest.auth.scope);
    expect(spec.security).toEqual([{ oauth: ['todos:read'] }]);
  });
});
