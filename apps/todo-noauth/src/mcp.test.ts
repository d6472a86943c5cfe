import { describeMcpApp } from '@repo/mcp/testing';
import { perUserTodoMcp, perUserTodoMcpTests } from '@repo/todos/test/todo-mcp';
import { createApp } from './app';

// The app over MCP, with each official client: the todo tools and the script of calls that must
// answer as the REST API answers them are todo-service's too, so they live in `@repo/todos`.
describeMcpApp(
  'todo-noauth',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app: () => createApp(),
    ...perUserTodoMcp,
    allowedOrigin: 'https://chatgpt.com',
  },
  perUserTodoMcpTests,
);
