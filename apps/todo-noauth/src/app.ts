import Koa from 'koa';
import { manifestAuth, requireAuth, type AuthConfig } from '@repo/auth';
import { jsonBody, jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { mcpEndpoint } from '@repo/mcp';
import { deleteBodyAsQuery, loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryStore, type Store } from '@repo/store';
import { todoHandlers, todoStore } from '@repo/todos';

export interface AppOptions {
  /** Where the todo lists live; in memory unless given (`server.ts` opens SQLite or Redis). */
  store?: Store;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);
const auth: AuthConfig = { type: 'none' };

/** Builds the todo-noauth plugin; rejects when its manifest or spec is invalid. */
export async function createApp(options: AppOptions = {}): Promise<Koa> {
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth) });
  const spec = await loadSpec(file('openapi.yaml'));
  const todos = todoStore(options.store ?? new MemoryStore(), 'todo-noauth');
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
  // plugin files: what a host reads before its first call
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // api: every operation in openapi.yaml, its input checked against the spec first
  app.use(requireAuth(auth));
  app.use(jsonBody());
  app.use(deleteBodyAsQuery(spec));
  const api = routeOperations(
    spec,
    todoHandlers({ store: todos, userOf: (ctx) => ctx.params.username! }),
  );
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
