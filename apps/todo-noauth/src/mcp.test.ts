import { expect, it } from 'vitest';
import { describeMcpApp, type Step } from '@repo/mcp/testing';
import { createApp } from './app';

// Every tool, good calls and bad ones, as a user would send them.
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
  'todo-noauth',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app: () => createApp(),
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
