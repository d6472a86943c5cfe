import { createServer, type Server } from 'node:http';
import {
  Client,
  ProtocolError,
  StreamableHTTPClientTransport,
  SdkHttpError,
  type CallToolResult,
} from '@modelcontextprotocol/client';
import fc from 'fast-check';
import type Koa from 'koa';
import request from 'supertest';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_PATH, type Manifest } from '@repo/manifest';
import { specTools } from '@repo/mcp';
import { dereferenceSpec, listOperations, type OpenApiDocument } from '@repo/openapi';
import { seedFromEnv } from './describe-spec-properties';
import { toolArgumentsFor } from './mcp-arguments';
import { requestArbitrary } from './request-arbitrary';
import { describeRequest } from './request-parts';
import { sendRequest } from './send-request';

export interface McpContractOptions {
  /** Builds the app under test; called twice: one serves REST, the other MCP, in step. */
  createApp(): Promise<Koa>;
  /** Headers for every call, such as a bearer token, got for the app given. */
  apiHeaders?(app: Koa): Promise<Record<string, string>>;
  /** Generated requests per operation, each sent as REST and as a tool call; 25 unless given. */
  runs?: number;
  /** How long one call may take before it counts as a hang; 2 s unless given. */
  requestTimeoutMs?: number;
  /** Values to draw parameters and body fields of these names from. */
  values?: Record<string, readonly unknown[]>;
}

async function listen(app: Koa): Promise<Server> {
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const hasPrototypeKey = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).some(
    (key) =>
      ['__proto__', 'constructor', 'prototype'].includes(key) ||
      hasPrototypeKey((value as Record<string, unknown>)[key]),
  );
const textOf = (result: CallToolResult) =>
  result.content.map((block) => (block.type === 'text' ? block.text : '')).join(' ');

/**
 * The MCP side of the contract, generated from the app's own spec and run with the official
 * client over loopback: each operation is a tool; the same generated requests sent as REST
 * calls and as tool calls (to two instances of the app, kept in step) are accepted and refused
 * alike, a refused argument named in the tool error as in the REST 400; an unknown tool is a
 * JSON-RPC error; nothing is a 5xx or a hang.
 * @example describeMcpContract('todo-noauth', { createApp: () => createApp() });
 */
export function describeMcpContract(name: string, options: McpContractOptions): void {
  const runs = options.runs ?? 25;
  const timeoutMs = options.requestTimeoutMs ?? 2000;
  describe(`${name} serves its spec's operations as MCP tools`, async () => {
    const [restApp, mcpApp] = [await options.createApp(), await options.createApp()];
    const manifest = (await request(restApp.callback()).get(MANIFEST_PATH)).body as Manifest;
    const text = (await request(restApp.callback()).get(new URL(manifest.api.url).pathname)).text;
    const document = dereferenceSpec(load(text) as OpenApiDocument);
    const expected = specTools({ file: name, text, document, checkedAtBuild: false });
    const servers: Server[] = [];
    let restHeaders: Record<string, string> = {};
    let client: Client;
    beforeAll(async () => {
      restHeaders = (await options.apiHeaders?.(restApp)) ?? {};
      const mcpHeaders = (await options.apiHeaders?.(mcpApp)) ?? {};
      servers.push(await listen(restApp), await listen(mcpApp));
      const transport = new StreamableHTTPClientTransport(new URL('/mcp', urlOf(servers[1]!)), {
        requestInit: { headers: mcpHeaders },
      });
      client = new Client(
        { name: 'contract', version: '1.0.0' },
        { versionNegotiation: { mode: 'auto' } },
      );
      await client.connect(transport);
    });
    afterAll(async () => {
      await client?.close();
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('lists one tool per operation, named as the spec says', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(expected.map((t) => t.name).sort());
    });

    it('answers an unknown tool with a JSON-RPC error, not a tool result', async () => {
      const call = client.callTool({ name: 'no_such_tool', arguments: {} });
      await expect(call).rejects.toBeInstanceOf(ProtocolError);
      // MCP spec, tools: an unknown tool is a protocol error, Invalid params.
      await expect(call).rejects.toMatchObject({ code: -32602 });
    });

    for (const operation of listOperations(document)) {
      const tool = expected.find((t) => t.operation.operationId === operation.operationId);
      if (!tool) continue; // hidden by `x-mcp`
      it(
        `${tool.name}: the tool accepts what REST accepts and refuses what it refuses`,
        { timeout: 60_000 },
        async () => {
          const requests = requestArbitrary(operation, {
            values: options.values,
            credentials: Object.keys(restHeaders),
          }).filter((generated) => toolArgumentsFor(operation, generated) !== undefined);
          const property = fc.asyncProperty(requests, async (generated) => {
            const args = toolArgumentsFor(operation, generated)!;
            const said = `${describeRequest(generated)} as ${tool.name}(${JSON.stringify(args).slice(0, 160)})`;
            const rest = await sendRequest(servers[0]!, generated, restHeaders, timeoutMs);
            if (rest.status >= 500) throw new Error(`${said}: REST answered ${rest.status}`);
            let result: CallToolResult;
            try {
              result = await client.callTool(
                { name: tool.name, arguments: args },
                { timeout: timeoutMs },
              );
            } catch (err) {
              // A prototype-named key is refused by the endpoint's JSON parser before any tool
              // sees it, with a 400 as REST's: refused alike, if REST refused it too.
              const status = err instanceof SdkHttpError ? err.status : 0;
              if (status === 400 && rest.status === 400 && hasPrototypeKey(args)) return;
              throw new Error(`${said}: the call failed: ${(err as Error).message}`, {
                cause: err,
              });
            }
            const restOk = rest.status < 300;
            if (restOk === Boolean(result.isError)) {
              const verdict = result.isError
                ? `refused it: ${textOf(result).slice(0, 200)}`
                : 'accepted it';
              throw new Error(`${said}: REST answered ${rest.status}, the tool ${verdict}`);
            }
            // The field the REST 400 names (`todo`, `items.0`) is named by the tool error too; a
            // missing or wrong `body` as a whole is the body's fields to a tool, which it names.
            const field = (rest.body as { field?: unknown } | null)?.field;
            const top = typeof field === 'string' ? field.split('.')[0] : undefined;
            if (rest.status === 400 && top && top !== 'body' && !textOf(result).includes(top))
              throw new Error(
                `${said}: the tool error does not name \`${top}\`: ${textOf(result)}`,
              );
          });
          await fc.assert(property, {
            numRuns: runs,
            includeErrorInReport: true,
            ...seedFromEnv(),
          });
        },
      );
    }
  });
}
