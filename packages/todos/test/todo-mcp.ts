// The MCP tests of the todo apps whose tools take a `username` (todo-noauth, todo-service), given
// to `describeMcpApp` from `@repo/mcp/testing` by each app's `src/mcp.test.ts`: the tools it must
// list, a script of good and bad calls that must answer through MCP as through REST, and the tests
// of the todo tools' own.
import { expect, it } from 'vitest';

/** What these tests use of `describeMcpApp`'s context (`McpAppContext`). */
interface McpContext {
  client: {
    callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  };
  restAnswer(tool: string, args: Record<string, unknown>): Promise<{ body: unknown }>;
}

/** The tools, in order, with their hints, and every tool called as a user would call it. */
export const perUserTodoMcp = {
  listed: {
    getTodos: { readOnlyHint: true },
    addTodo: {},
    deleteTodo: { destructiveHint: true },
  },
  script: [
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
  ] as [tool: string, args: Record<string, unknown>][],
};

/** The todo tools' own tests: MCP and REST share one store, and a bad argument is named. */
export function perUserTodoMcpTests(t: McpContext): void {
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
}
