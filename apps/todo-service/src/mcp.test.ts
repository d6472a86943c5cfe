import { describe, expect, it } from 'vitest';
import { describeMcpApp, listen, postToolsList } from '@repo/mcp/testing';
import { perUserTodoMcp, perUserTodoMcpTests } from '@repo/todos/test/todo-mcp';
import { createApp } from './app';

const serviceToken = 'test-service-token-0123456789abcdef';
const app = () => createApp({ serviceToken, verificationToken: 'test-verification' });

// The todo tools over MCP, as todo-noauth's test runs them, with the service token on each request.
describeMcpApp(
  'todo-service',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app,
    headers: () => ({ Authorization: `Bearer ${serviceToken}` }),
    ...perUserTodoMcp,
    allowedOrigin: 'https://chatgpt.com',
  },
  perUserTodoMcpTests,
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
