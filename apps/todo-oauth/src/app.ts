import Koa from 'koa';
import Router from '@koa/router';
import { manifestAuth, principalOf, requireAuth } from '@repo/auth';
import { jsonBody, jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryTodoStore, todoHandlers, type TodoStore } from '@repo/todos';
import { todoAuth, type OAuthOptions } from './auth';

export interface AppOptions extends OAuthOptions {
  store?: TodoStore;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);

/** Builds the todo-oauth plugin; throws on an invalid client, rejects on an invalid spec. */
export async function createApp(options: AppOptions): Promise<Koa> {
  const auth = todoAuth(options);
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth.config) });
  const spec = await loadSpec(file('openapi.yaml'));
  const store = options.store ?? new MemoryTodoStore();
  const { publicBaseUrl } = options;
  const app = new Koa({ proxy: options.trustProxy ?? false });

  // errors, not found, cors: as in todo-noauth
  app.use(jsonErrors());
  app.use(notFound());
  app.use(pluginCors({ allowLoopback: !options.production }));
  // plugin files: public, a host reads them before anyone has signed in
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // oauth: the sign-in page and the token endpoint, each parsing its own body
  app.use(auth.router.routes()).use(auth.router.allowedMethods());
  // api: the access token first; its user, never the request, says whose list it is
  const userOf = (ctx: Koa.Context) => principalOf(ctx).user!;
  const operations = routeOperations(spec, todoHandlers({ store, userOf }));
  const api = new Router().use(requireAuth(auth.config)).use(operations.routes());
  app.use(jsonBody()).use(api.routes()).use(api.allowedMethods());
  return app;
}
