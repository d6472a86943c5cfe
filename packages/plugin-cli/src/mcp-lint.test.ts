import { createServer } from 'node:http';
import type { Tool } from '@modelcontextprotocol/client';
import { specTools } from '@repo/mcp';
import { checkRules } from '@repo/lint';
import type { OpenApiDocument } from '@repo/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMcpServer, type TestMcpServer } from '../test/mcp-server';
import { lintMcpTools } from './mcp-lint';
import { MCP_RULES, type McpToolsInput } from './mcp-rules';

// The spec of the test server's two tools (test/mcp-server.ts).
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Todos', version: '1' },
  paths: {
    '/todos/{username}': {
      parameters: [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getTodos',
        summary: "Lists a user's todos.",
        responses: { '200': { description: 'OK' } },
      },
      post: {
        operationId: 'addTodo',
        summary: 'Adds a todo.',
        responses: { '200': { description: 'OK' } },
      },
    },
  },
} as unknown as OpenApiDocument;

const expected = specTools({ file: 'spec', text: '', document: SPEC, checkedAtBuild: false });
const served: Tool[] = expected.map(({ name, title, description, inputSchema, annotations }) => ({
  name,
  title,
  description,
  inputSchema: inputSchema as Tool['inputSchema'],
  annotations,
}));
const good: McpToolsInput = { expected, served };
const tool = (change: Partial<Tool>) => ({
  ...good,
  served: [{ ...served[0]!, ...change }, served[1]!],
});

// One broken input per rule: the change that breaks it, and nothing else on purpose.
const FIXTURES: Record<string, McpToolsInput> = {
  'mcp/spec-tools': { expected: [], specError: 'GET /x: `x-mcp` must be an object', served: [] },
  'mcp/tool-per-operation': { ...good, served: served.slice(1) },
  'mcp/tool-from-spec': { ...good, served: [...served, { ...served[0]!, name: 'extra' }] },
  'mcp/tool-name': {
    expected: [{ ...expected[0]!, name: 'get todos' }],
    served: [{ ...served[0]!, name: 'get todos' }],
  },
  'mcp/input-schema': tool({
    inputSchema: {
      type: 'object',
      properties: { n: { type: 'integer', minimum: 'one' } },
    } as never,
  }),
  'mcp/output-schema': tool({ outputSchema: { type: 'object', required: 'todos' } as never }),
  'mcp/description': tool({ description: ' ' }),
};

describe('the MCP rules', () => {
  it('find nothing when the server serves the tools of its spec', () => {
    expect(checkRules(MCP_RULES, good)).toEqual([]);
  });

  it('have a broken input for every rule, so every rule is shown to fire', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(MCP_RULES.map((r) => r.id).sort());
  });

  it.each(Object.entries(FIXTURES))(
    '%s fires on its broken input, and no other rule',
    (id, input) => {
      const findings = checkRules(MCP_RULES, input);
      expect(findings.map((f) => f.rule)).toEqual([id]);
      expect(findings[0]!.message.length).toBeGreaterThan(0);
    },
  );

  it('name the operation without a tool by its JSON path in the spec', () => {
    expect(checkRules(MCP_RULES, FIXTURES['mcp/tool-per-operation']!)[0]).toMatchObject({
      severity: 'error',
      path: "$.paths['/todos/{username}'].get",
      message: 'operation getTodos has no tool `getTodos` at /mcp',
    });
  });
});

describe('lintMcpTools against a running server', () => {
  let open: TestMcpServer;
  let guarded: TestMcpServer;
  beforeAll(async () => {
    open = await startTestMcpServer();
    guarded = await startTestMcpServer({ token: 'secret' });
  });
  afterAll(() => {
    open.server.close();
    guarded.server.close();
  });
  const origin = (server: TestMcpServer) => new URL(server.url).origin;

  it('finds nothing when /mcp serves every operation as a tool', async () => {
    expect(await lintMcpTools(origin(open), SPEC)).toEqual([]);
  });

  it('reports an operation the server has no tool for', async () => {
    const spec = structuredClone(SPEC) as unknown as {
      paths: Record<string, Record<string, unknown>>;
    };
    spec.paths['/todos/{username}']!.delete = {
      operationId: 'deleteTodo',
      summary: 'x',
      responses: { '200': { description: 'OK' } },
    };
    const findings = await lintMcpTools(origin(open), spec as unknown as OpenApiDocument);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['mcp/tool-per-operation', 'operation deleteTodo has no tool `deleteTodo` at /mcp'],
    ]);
  });

  it('says nothing of a plugin that serves no /mcp (404)', async () => {
    const plain = createServer((_, res) => void res.writeHead(404).end());
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = plain.address() as { port: number };
      expect(await lintMcpTools(`http://127.0.0.1:${port}`, SPEC)).toEqual([]);
    } finally {
      plain.close();
    }
  });

  it('warns when /mcp asks for a token, and fails when it cannot be reached', async () => {
    expect(await lintMcpTools(origin(guarded), SPEC)).toMatchObject([
      { rule: 'mcp/reachable', severity: 'warning', message: expect.stringContaining('401') },
    ]);
    expect(await lintMcpTools('http://127.0.0.1:9', SPEC)).toMatchObject([
      { rule: 'mcp/reachable', severity: 'error' },
    ]);
  });
});
