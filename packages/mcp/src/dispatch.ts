import { IncomingMessage, STATUS_CODES, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type Koa from 'koa';
import type { SpecTool } from './spec-tools';

/** The REST request a tool call stands for. */
export interface RestRequest {
  method: string;
  /** Path and query string: `/todos/ann?todo_idx=0`. */
  url: string;
  /** The JSON body, when the operation has one and the call gave any of its arguments. */
  body?: unknown;
}

/** An MCP tool result (MCP spec, `CallToolResult`). */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** Turns a tool's arguments back into its operation's request: path, query string and body. */
export function restRequest(tool: SpecTool, args: Record<string, unknown>): RestRequest {
  const { method, path, places, wholeBody, bodyRequired } = tool.operation;
  const query = new URLSearchParams();
  const body: Record<string, unknown> = {};
  // A merged body goes whenever it is required, so the app names the missing property itself.
  let hasBody = bodyRequired && !wholeBody;
  for (const [name, value] of Object.entries(args)) {
    const place = places[name];
    if (value === undefined || place === 'path') continue;
    if (place === 'query') {
      // OpenAPI `style: form, explode: true`, the default for query parameters: `?a=1&a=2`.
      for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
    } else if (place === 'body') {
      body[name] = value;
      hasBody = true;
    }
  }
  const filled = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(args[name] ?? '')),
  );
  const search = query.size ? `?${query}` : '';
  const request: RestRequest = { method, url: filled + search };
  if (hasBody) request.body = wholeBody ? body.body : body;
  return request;
}

function errorText(status: number, payload: string): string {
  let message = '';
  try {
    const parsed = JSON.parse(payload) as { message?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // Not JSON: the status says what there is to say.
  }
  const words = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return message ? `${message} (${words})` : words;
}

/** Maps a REST answer to a tool result: 2xx JSON is the result, anything else a tool error. */
export function toolResult(status: number, payload: string): ToolResult {
  if (status < 200 || status > 299) {
    return { content: [{ type: 'text', text: errorText(status, payload) }], isError: true };
  }
  if (payload === '')
    return { content: [{ type: 'text', text: `${status} ${STATUS_CODES[status]}` }] };
  const result: ToolResult = { content: [{ type: 'text', text: payload }] };
  try {
    const value: unknown = JSON.parse(payload);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      result.structuredContent = value as Record<string, unknown>;
    }
  } catch {
    // A non-JSON 2xx (none in our specs) stays text.
  }
  return result;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Runs a Node request listener on a request made in memory, with no socket: Node's own request
 * and response objects, the body pushed as the request stream, what the listener writes kept.
 */
function callInMemory(
  listener: Listener,
  request: RestRequest,
  headers: Record<string, string>,
): Promise<{ status: number; payload: string }> {
  return new Promise((resolve, reject) => {
    const req = new IncomingMessage(new Socket());
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    req.method = request.method;
    req.url = request.url;
    req.headers = { host: 'localhost', ...headers };
    if (body !== undefined) {
      req.headers['content-type'] = 'application/json';
      req.headers['content-length'] = String(Buffer.byteLength(body));
      req.push(body);
    }
    req.push(null);
    const res = new ServerResponse(req);
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = (chunk: unknown) => (keep(chunk), true);
    res.end = ((chunk: unknown) => {
      keep(typeof chunk === 'function' ? undefined : chunk);
      res.finished = true; // what `writableEnded` reads
      resolve({ status: res.statusCode, payload: Buffer.concat(chunks).toString() });
      res.emit('finish');
      res.emit('close');
      return res;
    }) as ServerResponse['end'];
    Promise.resolve(listener(req, res)).catch(reject);
  });
}

/**
 * Calls tools in-process: each call becomes its operation's REST request, run through `app`'s
 * own middleware in memory (Node's request and response objects, no socket), so it meets the
 * same request checks, auth decision, handlers and store as a REST call. `authorization` is the
 * MCP request's `Authorization` header, passed on as it came. The app's middleware is read on
 * the first call, so the caller may be built before the routes are added.
 */
export function inProcessCaller(app: Koa) {
  let callback: Listener | undefined;
  return async function callTool(
    tool: SpecTool,
    args: Record<string, unknown>,
    authorization?: string | null,
  ): Promise<ToolResult> {
    callback ??= app.callback();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    const { status, payload } = await callInMemory(callback, restRequest(tool, args), headers);
    return toolResult(status, payload);
  };
}
