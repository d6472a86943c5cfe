import { describe, expect, it } from 'vitest';
import { describeMcpApp, listen, postToolsList, type Step } from '@repo/mcp/testing';
import { createApp } from './app';

const serviceToken = 'test-service-token-0123456789abcdef';
const app = () => createApp({ serviceToken, verificationToken: 'test-verification' });

// The todo tools, as todo-noauth's test calls them, here with the service token on each request.
const script: Step[] = [
  ['getTodos', { username: 'ann' }],
  ['addTodo', { username: 'ann', todo: 'Buy milk' }],
  ['addTodo', { username: 'ann', todo: 'Walk the dog' }],
  ['addTodo', { username: 'bob', todo: 'His' }],
  ['getTodos', { username: 'ann' }],
  ['deleteTodo', { username: 'ann', todo_idx: 0 }],
  ['deleteTodo', { username: 'ann', todo_idx: 5 }],
  ['addTodo', { username: 'ann', todo: '' }],
  ['addTodo', { username: 'ann' }],
  ['getTodos', { username: 'x'.repeat(65) }],
  ['getTodos', { username: 'ann' }],
];

describeMcpApp(
  'todo-service',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app,
    headers: () => ({ Authorization: `Bearer ${serviceToken}` }),
    listed: {
      getTodos: { readOnlyHint: true },
      addTodo: {},
      deleteTodo: { destructiveHint: true },
    },
    script,
    allowedOrigin: 'https://chatgpt.com',
  },
  (t) => {
    it('works on the same store as the REST API', async () => {
      await t.client.callTool({ name: 'addTodo', arguments: { username: 'cy', todo: 'Via MCP' } });
      const rest = await t.restAnswer('getTodos', { username: 'cy' });
      expect(rest.body).toEqual({ todos: ['Via MCP'] });
    });

    it('answers a bad argument with a tool error naming the field', async () => {
      const result = (await t.client.callTool({
        name: 'deleteTodo',
        arguments: { username: 'ann', todo_idx: -1 },
      })) as { isError?: boolean; content: { text: string }[] };
      expect(result.isError).toBe(true);
      expect(result.content[0]!.text).toContain('todo_idx');
    });
  },
);

describe('todo-service /mcp over HTTP', () => {
  it('answers no token, a wrong one or one in the query with a 4xx, never a tool list', async () => {
    const server = await listen(await app());
    try {
      const none = await postToolsList(`${server.url}/mcp`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="todo-service"');
      const wrong = await postToolsList(`${server.url}/mcp`, { Authorization: 'Bearer wrong' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const inQuery = await postToolsList(`${server.url}/mcp?access_token=${serviceToken}`);
      expect(inQuery.status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
