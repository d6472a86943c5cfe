import { describe, it } from 'vitest';
import { describeMcpApp, expectBearerRefusals, listen } from '@repo/mcp/testing';
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
      await expectBearerRefusals(`${server.url}/mcp`, {
        challenge: 'Bearer realm="todo-service"',
        queryToken: serviceToken,
      });
    } finally {
      await server.close();
    }
  });
});
