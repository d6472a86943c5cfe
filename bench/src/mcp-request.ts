import type { LoadCase } from './load';

/** The revision the bench speaks: the current one, stateless, one POST per request. */
export const PROTOCOL_VERSION = '2026-07-28';

/**
 * A JSON-RPC request to `/mcp` as the official client sends it in the current revision: the
 * body's `_meta` carries the protocol version, client info and capabilities (no `initialize`),
 * and the headers repeat the method and the tool's name (Streamable HTTP transport:
 * `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`; a mismatch is a 400).
 */
export function mcpRequest(
  method: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): LoadCase {
  const name: Record<string, string> =
    typeof params.name === 'string' ? { 'mcp-name': params.name } : {};
  return {
    method: 'POST',
    path: '/mcp',
    headers: {
      ...headers,
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': PROTOCOL_VERSION,
      'mcp-method': method,
      ...name,
    },
    body: {
      jsonrpc: '2.0',
      id: 1,
      method,
      params: {
        ...params,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': PROTOCOL_VERSION,
          'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1.0.0' },
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    },
  };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Sends one MCP request and answers its JSON-RPC result; throws on an HTTP or JSON-RPC error. */
export async function mcpResult(url: string, c: LoadCase): Promise<Json> {
  const res = await fetch(url + c.path, {
    method: c.method,
    headers: { ...c.headers, 'content-type': 'application/json' },
    body: JSON.stringify(c.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${c.headers?.['mcp-method']} answered ${res.status}: ${text}`);
  // The answer is JSON, or an SSE stream whose last `data:` line is the response.
  const json = res.headers.get('content-type')?.startsWith('text/event-stream')
    ? (text
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .at(-1)
        ?.slice(5) ?? '')
    : text;
  const message = JSON.parse(json) as Json;
  if (message.error)
    throw new Error(`${c.headers?.['mcp-method']}: ${JSON.stringify(message.error)}`);
  return message.result as Json;
}
