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
import { createApp } from './app';

const tools = specTools(await loadSpec(new URL('../openapi.yaml', import.meta.url)));
const tool = (name: string) => tools.find((t) => t.name === name)!;

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

describe.each(CLIENTS)('todo-noauth over MCP with the %s client', (kind) => {
  let mcpSide: Awaited<ReturnType<typeof listen>>;
  let restSide: Awaited<ReturnType<typeof listen>>;
  let client: TestClient;
  beforeAll(async () => {
    mcpSide = await listen(await createApp());
    restSide = await listen(await createApp());
    client = await connect(kind, `${mcpSide.url}/mcp`);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([mcpSide.close(), restSide.close()]);
  });

  it('negotiates its revision and lists one tool per operation, with its hints', async () => {
    expect(client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
    const listed = (await client.listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(['getTodos', 'addTodo', 'deleteTodo']);
    expect(listed[0]).toMatchObject({ annotations: { readOnlyHint: true } });
    expect(listed[2]).toMatchObject({ annotations: { destructiveHint: true } });
  });

  it('answers every tool as the REST API answers the same request', async () => {
    await expectScriptAgrees(client, restSide.url, tools, script);
  }, 30_000);

  it('works on the same store as the REST API', async () => {
    await client.callTool({ name: 'addTodo', arguments: { username: 'cy', todo: 'Via MCP' } });
    const rest = await restAnswer(mcpSide.url, tool('getTodos'), { username: 'cy' });
    expect(rest.body).toEqual({ todos: ['Via MCP'] });
  });

  it('answers a bad argument with a tool error naming the field', async () => {
    const result = (await client.callTool({
      name: 'deleteTodo',
      arguments: { username: 'ann', todo_idx: -1 },
    })) as { isError?: boolean; content: { text: string }[] };
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toContain('todo_idx');
  });

  it('answers an unknown tool with a JSON-RPC error', async () => {
    await expect(client.callTool({ name: 'dropTable', arguments: {} })).rejects.toThrow(
      /dropTable/,
    );
  });
});

describe('todo-noauth /mcp over HTTP', () => {
  it('refuses an origin outside the CORS allow-list with a 403', async () => {
    const server = await listen(await createApp());
    try {
      const res = await postToolsList(`${server.url}/mcp`, { origin: 'https://attacker.example' });
      expect(res.status).toBe(403);
      const allowed = await postToolsList(`${server.url}/mcp`, { origin: 'https://chatgpt.com' });
      expect(allowed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
