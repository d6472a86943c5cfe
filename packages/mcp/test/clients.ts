import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as V1Transport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type Koa from 'koa';

/** What the tests need of an MCP client, whichever SDK it comes from. */
export interface TestClient {
  listTools(): Promise<{ tools: { name: string; [key: string]: unknown }[] }>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<unknown>;
  close(): Promise<void>;
  /** The protocol revision the client and server agreed on. */
  protocolVersion: string | undefined;
}

/** The revision each kind of client is expected to settle on with our servers. */
export const EXPECTED_REVISION: Record<ClientKind, string> = {
  'v2 current revision': '2026-07-28',
  'v2 2025-11-25': '2025-11-25',
  'v1 sdk': '2025-11-25',
};

/** The three clients every app is tested with: the current revision, 2025-11-25, and SDK v1. */
export const CLIENTS = ['v2 current revision', 'v2 2025-11-25', 'v1 sdk'] as const;
export type ClientKind = (typeof CLIENTS)[number];

/** Serves a Koa app or a plain request handler on a free loopback port; `close` ends every connection. */
export async function listen(
  app: Koa | RequestListener,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(typeof app === 'function' ? app : app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Connects one kind of official client to `url`, sending `headers` (say, a token) on each request. */
export async function connect(
  kind: ClientKind,
  url: string,
  headers: Record<string, string> = {},
): Promise<TestClient> {
  const info = { name: 'ai-plugins-test', version: '1.0.0' };
  const requestInit = { headers };
  if (kind === 'v1 sdk') {
    const client = new V1Client(info);
    const transport = new V1Transport(new URL(url), { requestInit });
    await client.connect(transport);
    return Object.assign(client, { protocolVersion: transport.protocolVersion }) as TestClient;
  }
  const mode = kind === 'v2 current revision' ? 'auto' : 'legacy';
  const client = new Client(info, { versionNegotiation: { mode } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit }));
  return Object.assign(client, {
    protocolVersion: client.getNegotiatedProtocolVersion(),
  }) as unknown as TestClient;
}

/** POSTs a bare `tools/list` to an MCP URL with `headers`, as a client without an SDK would. */
export function postToolsList(
  url: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    signal: AbortSignal.timeout(10_000),
  });
}
