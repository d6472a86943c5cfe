import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '@repo/store';
import { FakeHost, PUBLIC_BASE_URL, mcpApp, testApp } from '../test/fake-host';
import { MCP_CALLBACK, McpHost } from '../test/mcp-host';

const call = (name: string, args: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name, arguments: args },
});
const mcp = (app: Awaited<ReturnType<typeof mcpApp>>, token: string, body: unknown) =>
  request(app.callback())
    .post('/mcp')
    .set('Authorization', `Bearer ${token}`)
    .set('Accept', 'application/json, text/event-stream')
    .set('Mcp-Protocol-Version', '2025-11-25')
    .send(body as object);

describe('the metadata an MCP client discovers', () => {
  it('names this origin as issuer and authorization server, as the request reached it', async () => {
    const server = request((await testApp()).callback());
    for (const host of ['127.0.0.1:5004', 'localhost:5004']) {
      const as = await server.get('/.well-known/oauth-authorization-server').set('Host', host);
      const prm = await server.get('/.well-known/oauth-protected-resource/mcp').set('Host', host);
      const root = await server.get('/.well-known/oauth-protected-resource').set('Host', host);
      expect(as.body).toMatchObject({
        issuer: `http://${host}`,
        authorization_endpoint: `http://${host}/oauth/authorize`,
        token_endpoint: `http://${host}/oauth/token`,
        registration_endpoint: `http://${host}/oauth/register`,
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: expect.arrayContaining(['none']),
        authorization_response_iss_parameter_supported: true,
      });
      expect(prm.body).toEqual({
        resource: `http://${host}/mcp`,
        authorization_servers: [as.body.issuer],
        scopes_supported: ['todos:read', 'todos:write'],
        bearer_methods_supported: ['header'],
      });
      expect(root.body).toEqual(prm.body);
    }
  });
});

describe('dynamic client registration (RFC 7591)', () => {
  it('registers a public client with a loopback redirect URI', async () => {
    const res = await new McpHost(await mcpApp()).register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      client_name: 'Test Host',
      redirect_uris: [MCP_CALLBACK],
      token_endpoint_auth_method: 'none',
    });
    expect(res.body.client_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ redirect_uris: ['http://evil.example/cb'] }, 'invalid_redirect_uri'],
    [{ redirect_uris: [] }, 'invalid_redirect_uri'],
    [{ redirect_uris: Array(6).fill(MCP_CALLBACK) }, 'invalid_redirect_uri'],
    [{ redirect_uris: ['https://host.example/cb#x'] }, 'invalid_redirect_uri'],
    [{ token_endpoint_auth_method: 'client_secret_basic' }, 'invalid_client_metadata'],
    [{ grant_types: ['client_credentials'] }, 'invalid_client_metadata'],
    [{ client_name: 'x'.repeat(101) }, 'invalid_client_metadata'],
  ])('refuses %j with %s, and registers nothing', async (metadata, error) => {
    const host = new McpHost(await mcpApp());
    const res = await host.register(metadata);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
    expect(host.clientId).toBe('');
  });

  it('refuses a body over 4kb with a 413, and too many registrations from one address', async () => {
    const app = await mcpApp();
    const big = await new McpHost(app).register({ client_name: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    for (let i = 0; i < 19; i++) await new McpHost(app).register();
    const over = await new McpHost(app).register();
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toMatch(/^\d+$/);
  });
});

describe('the MCP host flow', () => {
  it('issues a token bound to /mcp, with `iss` on the redirect (RFC 9207)', async () => {
    const host = new McpHost(await mcpApp());
    await host.register();
    const back = await host.consent();
    expect(back.searchParams.get('iss')).toBe(PUBLIC_BASE_URL);
    expect(back.searchParams.get('state')).toBe('mcp-state');
    const token = await host.exchange(back.searchParams.get('code')!);
    expect(token.status).toBe(200);
    expect(token.body.scope).toBe('todos:read todos:write');
  });

  it('lets a read-only token list, and answers its add with 403 insufficient_scope', async () => {
    const app = await mcpApp();
    const { access_token: token } = await new McpHost(app).signIn('alice', { scope: 'todos:read' });
    const list = await mcp(app, token, call('getTodos'));
    expect(list.status).toBe(200);
    const add = await mcp(app, token, call('addTodo', { todo: 'x' }));
    expect(add.status).toBe(403);
    expect(add.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(add.headers['www-authenticate']).toContain('scope="todos:read todos:write"');
    expect(add.headers['www-authenticate']).toContain('resource_metadata=');
    const rest = await new FakeHost(app).api('post', '/todos', token).send({ todo: 'x' });
    expect(rest.status).toBe(403);
    expect(rest.body.error).toBe('insufficient_scope');
    expect(rest.headers['www-authenticate']).toBe(
      'Bearer realm="todo-oauth", error="insufficient_scope", scope="todos:write"',
    );
    const todos = await new FakeHost(app).api('get', '/todos', token);
    expect(todos.body).toEqual({ todos: [] });
  });

  it('refuses at /mcp a token bound to no resource or issued at another origin', async () => {
    const store = new MemoryStore();
    const app = await testApp({ store, publicBaseUrl: PUBLIC_BASE_URL });
    const plugin = (await new FakeHost(app).signIn()).access_token;
    const res = await mcp(app, plugin, call('getTodos'));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    // The same store, reached under another public origin: its /mcp is another resource.
    const other = await testApp({ store, publicBaseUrl: 'http://other.test' });
    const token = (await new McpHost(app).signIn()).access_token;
    expect((await mcp(app, token, call('getTodos'))).status).toBe(200);
    expect((await mcp(other, token, call('getTodos'))).status).toBe(401);
  });
});

describe('the misuse matrix of a public client', () => {
  const errorOf = (url: URL) => url.searchParams.get('error');

  it('refuses no PKCE, `plain`, and a resource that is not ours, back to the client', async () => {
    const host = new McpHost(await mcpApp());
    await host.register();
    const redirected = async (params: Record<string, string | undefined>) =>
      new URL((await host.authorize(params)).headers.location as string);
    const none = await redirected({ code_challenge: undefined, code_challenge_method: undefined });
    expect(errorOf(none)).toBe('invalid_request');
    expect(none.searchParams.get('iss')).toBe(PUBLIC_BASE_URL);
    expect(errorOf(await redirected({ code_challenge_method: 'plain' }))).toBe('invalid_request');
    const target = await redirected({ resource: 'https://elsewhere.example/mcp' });
    expect(errorOf(target)).toBe('invalid_target');
  });

  it('shows an error page, never a redirect, for a redirect URI it did not register', async () => {
    const host = new McpHost(await mcpApp());
    await host.register();
    const res = await host.authorize({ redirect_uri: 'http://127.0.0.1:1/other' });
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('refuses a wrong verifier, and a resource at the token endpoint other than the code’s', async () => {
    const host = new McpHost(await mcpApp());
    await host.register();
    const code = async () => (await host.consent()).searchParams.get('code')!;
    const wrong = await host.exchange(await code(), { code_verifier: 'x'.repeat(43) });
    expect([wrong.status, wrong.body.error]).toEqual([400, 'invalid_grant']);
    const target = await host.exchange(await code(), { resource: `${PUBLIC_BASE_URL}/other` });
    expect([target.status, target.body.error]).toEqual([400, 'invalid_target']);
    expect(target.body.access_token).toBeUndefined();
  });

  it('revokes what a code issued when the code is replayed, and a replayed refresh token', async () => {
    const app = await mcpApp();
    const host = new McpHost(app);
    await host.register();
    const code = (await host.consent()).searchParams.get('code')!;
    const first = await host.exchange(code);
    const again = await host.exchange(code);
    expect([again.status, again.body.error]).toEqual([400, 'invalid_grant']);
    expect((await mcp(app, first.body.access_token, call('getTodos'))).status).toBe(401);

    const tokens = await host.signIn();
    const rotated = await host.refresh(tokens.refresh_token);
    expect(rotated.status).toBe(200);
    const replay = await host.refresh(tokens.refresh_token);
    expect([replay.status, replay.body.error]).toEqual([400, 'invalid_grant']);
    expect((await mcp(app, rotated.body.access_token, call('getTodos'))).status).toBe(401);
  });

  it('answers a token request with no verifier and no secret from a public client as an error', async () => {
    const host = new McpHost(await mcpApp());
    await host.register();
    const code = (await host.consent()).searchParams.get('code')!;
    const res = await host.exchange(code, { code_verifier: undefined });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.access_token).toBeUndefined();
  });
});
