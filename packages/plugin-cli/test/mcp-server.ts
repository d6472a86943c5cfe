// A small MCP server for the CLI's tests, made with the official SDK alone: a todo list in
// memory behind three tools. The apps' own /mcp endpoints are tested in the apps.
import { createServer, type Server } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler, fromJsonSchema } from '@modelcontextprotocol/server';

export interface TestMcpServer {
  url: string;
  server: Server;
  /** The Authorization header of each MCP request, in order. */
  authorizations: (string | undefined)[];
}

const username = { type: 'string', minLength: 1 } as const;
const todos = {
  type: 'object',
  properties: { todos: { type: 'array', items: { type: 'string' } } },
};
const INPUTS = {
  getTodos: fromJsonSchema<{ username: string }>({
    type: 'object',
    properties: { username },
    required: ['username'],
  }),
  addTodo: fromJsonSchema<{ username: string; todo: string }>({
    type: 'object',
    properties: {
      username,
      todo: { type: 'string', minLength: 1 },
      tags: { type: 'array', items: { type: 'string' } },
      priority: { type: 'integer', minimum: 1 },
      urgent: { type: 'boolean' },
    },
    required: ['username', 'todo'],
  }),
};
const OUTPUT = fromJsonSchema(todos);

/**
 * Listens on a free loopback port. With `token`, MCP requests without `Authorization: Bearer
 * <token>` get a 401; with `manifest`, it is served at /.well-known/ai-plugin.json. With
 * `protectedResource` (RFC 9728 metadata but `resource`), the 401 names it as `resource_metadata`.
 */
export async function startTestMcpServer(
  options: { token?: string; manifest?: unknown; protectedResource?: Record<string, unknown> } = {},
): Promise<TestMcpServer> {
  const lists = new Map<string, string[]>();
  const answer = (name: string) => {
    const structuredContent = { todos: lists.get(name) ?? [] };
    return {
      content: [{ type: 'text' as const, text: JSON.stringify(structuredContent) }],
      structuredContent,
    };
  };
  const handler = toNodeHandler(
    createMcpHandler(() => {
      const server = new McpServer({ name: 'test-todos', version: '1.0.0' });
      server.registerTool(
        'getTodos',
        {
          title: 'Get todos',
          description: "Lists a user's todos.",
          inputSchema: INPUTS.getTodos,
          outputSchema: OUTPUT,
          annotations: { readOnlyHint: true },
        },
        async ({ username }) => answer(username),
      );
      server.registerTool(
        'addTodo',
        {
          description: 'Adds a todo.',
          inputSchema: INPUTS.addTodo,
          annotations: { idempotentHint: false, openWorldHint: false },
        },
        async (args) => {
          if (args.todo === 'fail')
            return {
              content: [{ type: 'text' as const, text: '`todo` is refused' }],
              isError: true,
            };
          lists.set(args.username, [...(lists.get(args.username) ?? []), args.todo]);
          return {
            ...answer(args.username),
            structuredContent: { todos: lists.get(args.username), args },
          };
        },
      );
      return server;
    }),
  );
  const test = { authorizations: [] } as unknown as TestMcpServer;
  test.server = createServer((req, res) => {
    if (req.url === '/.well-known/ai-plugin.json' && options.manifest)
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(options.manifest));
    const metadataUrl = new URL('/.well-known/oauth-protected-resource/mcp', test.url).href;
    if (req.url === new URL(metadataUrl).pathname && options.protectedResource)
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ resource: test.url, ...options.protectedResource }));
    if (req.url !== '/mcp') return void res.writeHead(404).end();
    test.authorizations.push(req.headers.authorization);
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
      return void res
        .writeHead(401, {
          'WWW-Authenticate': options.protectedResource
            ? `Bearer resource_metadata="${metadataUrl}", scope="todos:read"`
            : 'Bearer realm="test"',
        })
        .end();
    void handler(req, res);
  });
  await new Promise<void>((resolve) => test.server.listen(0, '127.0.0.1', resolve));
  test.url = `http://127.0.0.1:${(test.server.address() as { port: number }).port}/mcp`;
  return test;
}
