import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import cors from '@koa/cors';
import type Koa from 'koa';
import type { Context, Next } from 'koa';
import { requireAuth, type AuthConfig } from '@repo/auth';
import { jsonBody, originPredicate, type PluginCorsOptions } from '@repo/http';
import type { LoadedSpec } from '@repo/openapi';
import { inProcessCaller } from './dispatch';
import { specMcpHandler } from './mcp-handler';

export interface McpEndpointOptions {
  /** The app's loaded spec: its operations are the tools. */
  spec: LoadedSpec;
  /** The app's auth config: `/mcp` runs the same check as the REST API, with its 401s; or the
   * check itself, such as an OAuth server's resource guard (MCP authorization's challenges). */
  auth: AuthConfig | ((ctx: Context, next: Next) => Promise<void>);
  /** The app's CORS options: the same origins may call `/mcp`; any other origin gets a 403. */
  cors?: PluginCorsOptions;
  /** Where to serve; `/mcp` unless given. */
  path?: string;
  /** Largest JSON-RPC body, as the REST API's `jsonBody` (16kb unless given). */
  bodyLimit?: string;
}

// MCP Streamable HTTP: the headers a browser client sends, and those it must be able to read.
const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Mcp-Protocol-Version',
  'Mcp-Method',
  'Mcp-Name',
  'Mcp-Session-Id',
  'Last-Event-ID',
];
const EXPOSE_HEADERS = ['WWW-Authenticate', 'Mcp-Session-Id'];

const chain = (...steps: ((ctx: Context, next: Next) => unknown)[]) =>
  steps.reduceRight<(ctx: Context) => Promise<void>>(
    (next, step) => async (ctx) => void (await step(ctx, () => next(ctx))),
    async () => {},
  );

/**
 * Serves `app`'s operations as MCP tools at `/mcp` (Streamable HTTP, official SDK). In front of
 * the SDK's handler, which checks neither: an `Origin` outside the CORS allow-list is a 403
 * (MCP transports: servers MUST validate Origin), CORS with the MCP headers, the app's own token
 * check, JSON bodies within the REST limit. Each call then runs in-process through `app` itself
 * (`inProcessCaller`). Goes before `pluginCors`, which would answer `/mcp`'s preflight otherwise.
 * @example app.use(mcpEndpoint(app, { spec, auth, cors: { allowLoopback: true } }));
 */
export function mcpEndpoint(app: Koa, options: McpEndpointOptions) {
  const path = options.path ?? '/mcp';
  const allowed = originPredicate(options.cors);
  const handler = specMcpHandler(options.spec, inProcessCaller(app));
  const serve = chain(
    cors({
      origin: (ctx) => (allowed(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      allowMethods: ['POST', 'GET', 'DELETE'],
      allowHeaders: ALLOW_HEADERS,
      exposeHeaders: EXPOSE_HEADERS,
      privateNetworkAccess: true,
      maxAge: 600,
    }),
    async (ctx: Context, next: Next) => {
      // MCP authorization: tokens go in the Authorization header, never in the query string.
      ctx.assert(ctx.query.access_token === undefined, 400, 'send the token in `Authorization`', {
        field: 'access_token',
      });
      await next();
    },
    typeof options.auth === 'function' ? options.auth : requireAuth(options.auth),
    async (ctx: Context, next: Next) => {
      if (ctx.method === 'POST' && !ctx.is('application/json')) {
        ctx.throw(415, 'request body must be `application/json`', { field: 'Content-Type' });
      }
      await next();
    },
    jsonBody({ limit: options.bodyLimit }),
    async (ctx: Context) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(ctx.req.headers)) {
        if (value === undefined || name === 'content-length' || name === 'transfer-encoding')
          continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = new URL(ctx.originalUrl, `${ctx.protocol}://${ctx.host || 'localhost'}`);
      const request = new Request(url, { method: ctx.method, headers });
      const parsedBody = ctx.method === 'POST' ? ctx.request.body : undefined;
      const response = await handler.fetch(request, { parsedBody });
      ctx.status = response.status;
      response.headers.forEach((value, name) => ctx.set(name, value));
      const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
      ctx.body =
        streaming && response.body
          ? Readable.fromWeb(response.body as ReadableStream)
          : Buffer.from(await response.arrayBuffer());
    },
  );
  return async function mcpEndpoint(ctx: Context, next: Next) {
    if (ctx.path !== path) return next();
    const origin = ctx.get('Origin');
    ctx.assert(!origin || allowed(origin), 403, `origin \`${origin}\` may not call ${path}`, {
      field: 'Origin',
    });
    await serve(ctx);
  };
}
