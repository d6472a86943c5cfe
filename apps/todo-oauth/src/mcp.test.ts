import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specTools } from '@repo/mcp';
import {
  CLIENTS,
  EXPECTED_REVISION,
  connect,
  expectScriptAgrees,
  listen,
  postToolsList,
  restAnswer,
  type Step,
  type TestClient,
} from '@repo/mcp/testing';
import { loadSpec } from '@repo/openapi';
import { mcpApp, mcpToken, testApp } from '../test/fake-host';

const tools = specTools(await loadSpec(new URL('../openapi.yaml', import.meta.url)));
const tool = (name: string) => tools.find((t) => t.name === name)!;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A running app and an access token for its `/mcp` its OAuth server issued to `user`. */
async function signedIn(app: Koa, user = 'alice') {
  const server = await listen(app);
  return { ...server, app, token: await mcpToken(app, user) };
}

// Every tool, good calls and bad ones; the user is the token's, never an argument.
const script: Step[] = [
  ['getTodos', {}],
  ['addTodo', { todo: 'Pay rent' }],
  ['addTodo', { todo: 'Call mum' }],
  ['deleteTodo', { todo_idx: 0 }],
  ['deleteTodo', { todo_idx: 3 }],
  ['addTodo', { todo: 'x'.repeat(501) }],
  ['addTodo', {}],
  ['getTodos', {}],
];

describe.each(CLIENTS)('todo-oauth over MCP with the %s client', (kind) => {
  let mcpSide: Awaited<ReturnType<typeof signedIn>>;
  let restSide: Awaited<ReturnType<typeof signedIn>>;
  let client: TestClient;
  beforeAll(async () => {
    mcpSide = await signedIn(await mcpApp());
    restSide = await signedIn(await mcpApp());
    client = await connect(kind, `${mcpSide.url}/mcp`, bearer(mcpSide.token));
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([mcpSide.close(), restSide.close()]);
  });

  it('negotiates its revision and lists one tool per operation', async () => {
    expect(client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
    const listed = (await client.listTools()).tools.map((t) => t.name);
    expect(listed).toEqual(['getTodos', 'addTodo', 'deleteTodo']);
  });

  it('answers every tool as the REST API answers the same request', async () => {
    await expectScriptAgrees(client, restSide.url, tools, script, bearer(restSide.token));
  }, 30_000);

  it('names an argument the tool does not have, as the REST API names a body field', async () => {
    const result = await client.callTool({
      name: 'addTodo',
      arguments: { todo: 'x', username: 'bob' },
    });
    expect(result).toMatchObject({ isError: true });
    expect(JSON.stringify(result)).toContain('`username` is not allowed here');
  });

  it("acts as the token's user, on the same store as the REST API", async () => {
    await client.callTool({ name: 'addTodo', arguments: { todo: 'alice via MCP' } });
    const alice = await restAnswer(mcpSide.url, tool('getTodos'), {}, bearer(mcpSide.token));
    expect(alice.body?.todos).toContain('alice via MCP');
    const bobToken = await mcpToken(mcpSide.app, 'bob');
    const bob = await connect(kind, `${mcpSide.url}/mcp`, bearer(bobToken));
    try {
      const result = await bob.callTool({ name: 'getTodos', arguments: {} });
      expect(result).toMatchObject({ structuredContent: { todos: [] } });
    } finally {
      await bob.close();
    }
  });
});

describe('todo-oauth /mcp over HTTP', () => {
  it('answers no token with a 401 naming the resource metadata and the scopes (RFC 9728 §5.1)', async () => {
    const server = await listen(await testApp());
    try {
      const none = await postToolsList(`${server.url}/mcp`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp", scope="todos:read todos:write"`,
      );
      const forged = await postToolsList(`${server.url}/mcp`, bearer('not-a-token-we-issued'));
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
    } finally {
      await server.close();
    }
  });

  it('refuses an origin outside the CORS allow-list with a 403', async () => {
    const { url, token, close } = await signedIn(await mcpApp());
    try {
      const res = await postToolsList(`${url}/mcp`, {
        origin: 'https://attacker.example',
        ...bearer(token),
      });
      expect(res.status).toBe(403);
    } finally {
      await close();
    }
  });
});
