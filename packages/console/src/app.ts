import Koa from 'koa';
import { jsonBody, jsonErrors, notFound, requestLog, type Logger } from '@repo/http';
import type { KnownPlugin } from './known-plugins';
import { localOnly } from './local-only';
import { MCP_REDIRECT_URI } from './oauth-sign-in';
import { OriginGuard } from './origin-guard';
import { consoleRoutes } from './routes';
import { staticFiles } from './static-files';

const SCRIPTS_AND_STYLE = ['console.js', 'mcp-tools.js', 'parts.js', 'sign-in.js', 'console.css'];

export interface AppOptions {
  /** The plugins on the first page; `KNOWN_PLUGINS` in `server.ts`. */
  plugins: KnownPlugin[];
  /** The MCP sign-in's loopback callback; `MCP_REDIRECT_URI` unless given. */
  mcpRedirectUri?: string;
  /** Where the request lines go; nowhere unless given. */
  logger?: Logger;
}

/** Builds the console: its pages, its script, and the API its script calls. */
export function createApp(options: AppOptions): Koa {
  const app = new Koa();
  // what the server may fetch: loopback and the URLs typed in on the first page
  const guard = new OriginGuard();

  // logs: a line per request (no bodies, so no tokens)
  app.use(requestLog({ logger: options.logger }));
  // errors: JSON answers; the page shows their message
  app.use(jsonErrors());
  // local only: loopback `Host`, same-origin POSTs, a strict CSP
  app.use(localOnly());
  // the page's script and style
  app.use(staticFiles(new URL('../public/', import.meta.url), SCRIPTS_AND_STYLE));
  // bodies: the API's JSON and the first page's form
  app.use(jsonBody({ form: true }));
  // pages and API
  const routes = consoleRoutes({
    plugins: options.plugins,
    guard,
    mcpRedirectUri: options.mcpRedirectUri ?? MCP_REDIRECT_URI,
  });
  app.use(routes.routes());
  app.use(routes.allowedMethods());
  // anything else: a JSON 404
  app.use(notFound());
  return app;
}
