import Koa from 'koa';
import Router from '@koa/router';
import { manifestAuth, requireAuth } from '@repo/auth';
import { jsonBody, jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { mcpEndpoint } from '@repo/mcp';
import { deleteBodyAsQuery, loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryStore, type Store } from '@repo/store';
import { todoHandlers, todoStore } from '@repo/todos';
import { serviceAuth, type ServiceAuthOptions } from './auth';

export interface AppOptions extends ServiceAuthOptions {
  /** Where the todo lists live; in memory unless given (`server.ts` opens SQLite or Redis). */
  store?: Store;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);

/** Builds the todo-service plugin; throws on an invalid token, rejects on an invalid spec. */
export async function createApp(options: AppOptions): Promise<Koa> {
  const auth = serviceAuth(options);
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth) });
  const spec = await loadSpec(file('openapi.yaml'));
  const todos = todoStore(options.store ?? new MemoryStore(), 'todo-service');
  const { publicBaseUrl } = options;
  const app = new Koa({ proxy: options.trustProxy ?? false });

  // errors: every failure leaves as a JSON body, 4xx explained, 5xx hidden
  app.use(jsonErrors());
  // not found: a request nothing below answers becomes a JSON 404
  app.use(notFound());
  // mcp: every operation is also an MCP tool at /mcp, called through this app in-process;
  // before cors, as /mcp answers its own preflight with the MCP headers
  const cors = { allowLoopback: !options.production };
  app.use(mcpEndpoint(app, { spec, auth, cors }));
  // cors: the hosts' web pages call the plugin from the browser
  app.use(pluginCors(cors));
  // plugin files: public, a host reads them before it has the token
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // api: the service token first, on every operation in openapi.yaml, then the input check
  app.use(jsonBody());
  const operations = routeOperations(
    spec,
    todoHandlers({ store: todos, userOf: (ctx) => ctx.params.username! }),
  );
  const api = new Router()
    .use(requireAuth(auth))
    .use(deleteBodyAsQuery(spec))
    .use(operations.routes());
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
