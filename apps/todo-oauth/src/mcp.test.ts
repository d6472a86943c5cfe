import type Koa from 'koa';
import { describe, expect, it } from 'vitest';
import {
  connect,
  describeMcpApp,
  expectBearerRefusals,
  listen,
  type Step,
} from '@repo/mcp/testing';
import { mcpApp, testApp } from '../test/fake-host';
import { McpHost } from '../test/mcp-host';

/** The `Authorization` header of `user`, signed in through the MCP flow of the app at `plugin`. */
async function bearer(plugin: Koa | string, user = 'alice') {
  const { access_token } = await new McpHost(plugin).signIn(user);
  return { Authorization: `Bearer ${access_token}` };
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

// Each side signs alice in as an MCP host does: a registered public client, PKCE S256 and the
// `resource` of its /mcp, the only tokens /mcp accepts.
describeMcpApp(
  'todo-oauth',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app: mcpApp,
    headers: (app) => bearer(app),
    listed: {
      getTodos: { readOnlyHint: true },
      addTodo: {},
      deleteTodo: { destructiveHint: true },
    },
    script,
    allowedOrigin: 'https://chatgpt.com',
  },
  (t) => {
    it('names an argument the tool does not have, as the REST API names a body field', async () => {
      const result = await t.client.callTool({
        name: 'addTodo',
        arguments: { todo: 'x', username: 'bob' },
      });
      expect(result).toMatchObject({ isError: true });
      expect(JSON.stringify(result)).toContain('`username` is not allowed here');
    });

    it("acts as the token's user, on the same store as the REST API", async () => {
      await t.client.callTool({ name: 'addTodo', arguments: { todo: 'alice via MCP' } });
      expect((await t.restAnswer('getTodos', {})).body?.todos).toContain('alice via MCP');
      const bob = await connect(t.kind, `${t.mcp.url}/mcp`, await bearer(t.mcp.url, 'bob'));
      try {
        const result = await bob.callTool({ name: 'getTodos', arguments: {} });
        expect(result).toMatchObject({ structuredContent: { todos: [] } });
      } finally {
        await bob.close();
      }
    });
  },
);

describe('todo-oauth /mcp over HTTP', () => {
  it('answers no token, a forged one or one in the query with a 4xx; no token names the resource metadata and scopes (RFC 9728 §5.1)', async () => {
    const server = await listen(await testApp());
    try {
      await expectBearerRefusals(`${server.url}/mcp`, {
        challenge: `Bearer resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp", scope="todos:read todos:write"`,
      });
    } finally {
      await server.close();
    }
  });
});
