import Koa from 'koa';
import Router from '@koa/router';
import { manifestAuth, operationScopes, principalOf, requireAuth, withScopes } from '@repo/auth';
import {
  health,
  jsonBody,
  jsonErrors,
  notFound,
  pluginCors,
  requestLog,
  type Logger,
} from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { mcpEndpoint } from '@repo/mcp';
import { deleteBodyAsQuery, loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryStore, type Store } from '@repo/store';
import { todoHandlers, todoStore } from '@repo/todos';
import { KEY_PREFIX, todoAuth, type OAuthOptions } from './auth';

export interface AppOptions extends OAuthOptions {
  /** Where the todo lists, codes and tokens live; in memory unless given (`server.ts` opens SQLite or Redis). */
  store?: Store;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
  /** Where the request lines go (`server.ts` makes it); nowhere unless given. */
  logger?: Logger;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);

/** Builds the todo-oauth plugin; throws on an invalid client, rejects on an invalid spec. */
export async function createApp(options: AppOptions): Promise<Koa> {
  const store = options.store ?? new MemoryStore();
  const auth = await todoAuth({ ...options, store });
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth.config) });
  const spec = await loadSpec(file('openapi.yaml'));
  const todos = todoStore(store, KEY_PREFIX);
  // scopes: what each operation (and so each tool) needs, from the spec's `security`
  const scopes = operationScopes(spec.document, 'oauth');
  const { publicBaseUrl } = options;
  const app = new Koa({ proxy: options.trustProxy ?? false });

  // logs: a line per request, with its id (X-Request-Id)
  app.use(requestLog({ logger: options.logger }));
  // errors, health, not found, cors: as in todo-noauth
  app.use(jsonErrors());
  app.use(health({ store }));
  app.use(notFound());
  // mcp: every operation is also an MCP tool at /mcp, called through this app in-process, for
  // tokens bound to /mcp only; before cors, as /mcp answers its own preflight with the MCP headers
  const cors = { allowLoopback: !options.production };
  app.use(mcpEndpoint(app, { spec, auth: auth.mcpAuth(scopes), cors }));
  app.use(pluginCors(cors));
  // plugin files: public, a host reads them before anyone has signed in
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // oauth: metadata, registration, the sign-in page and the token endpoint, each parsing its own body
  app.use(auth.router.routes()).use(auth.router.allowedMethods());
  // api: the access token first; its user, never the request, says whose list it is
  const userOf = (ctx: Koa.Context) => principalOf(ctx).user!;
  const handlers = withScopes(todoHandlers({ store: todos, userOf }), scopes, 'todo-oauth');
  const operations = routeOperations(spec, handlers);
  const api = new Router()
    .use(requireAuth(auth.config))
    .use(deleteBodyAsQuery(spec))
    .use(operations.routes());
  app.use(jsonBody()).use(api.routes()).use(api.allowedMethods());
  return app;
}
