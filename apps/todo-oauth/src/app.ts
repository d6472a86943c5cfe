import Koa from 'koa';
import Router from '@koa/router';
import * as auth from '@repo/auth';
import { PLACEHOLDER, jsonBody, jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryTodoStore, todoHandlers, type TodoStore } from '@repo/todos';
import { demoUsers } from './demo-users';

export interface AppOptions {
  client: auth.OAuthClient;
  /** Demo users: name → password. */
  users: ReadonlyMap<string, string>;
  verificationToken: string;
  store?: TodoStore;
  oauthStore?: auth.OAuthStore;
  /** The clock codes and tokens expire by (tests move it). */
  now?: () => number;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);
export const SCOPES = { todos: 'Read and change your to-do list' };

/** Builds the todo-oauth plugin; throws on an invalid client, rejects on an invalid spec. */
export async function createApp(options: AppOptions): Promise<Koa> {
  const { client, publicBaseUrl } = options;
  const oauth = auth.createOAuthServer({ appName: 'TODO List (OAuth)', client, scopes: SCOPES,
    users: demoUsers(options.users), store: options.oauthStore, now: options.now });
  const config: auth.AuthConfig = { type: 'oauth', realm: 'todo-oauth', scope: 'todos',
    authorizeUrl: PLACEHOLDER + auth.AUTHORIZE_PATH, tokenUrl: PLACEHOLDER + auth.TOKEN_PATH,
    tokenContentType: 'application/json', verificationTokens: { openai: options.verificationToken },
    verify: oauth.verifyAccessToken };
  const manifest = loadManifest(file('ai-plugin.json'), { auth: auth.manifestAuth(config) });
  const spec = await loadSpec(file('openapi.yaml'));
  const store = options.store ?? new MemoryTodoStore();
  const app = new Koa({ proxy: options.trustProxy ?? false });

  // errors, not found, cors: as in todo-noauth
  app.use(jsonErrors());
  app.use(notFound());
  app.use(pluginCors({ allowLoopback: !options.production }));
  // plugin files: public, a host reads them before anyone has signed in
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // oauth: the sign-in page and the token endpoint, each parsing its own body
  app.use(oauth.router.routes()).use(oauth.router.allowedMethods());
  // api: the access token first; its user, never the path, says whose list it is
  const userOf = (ctx: Koa.Context) => auth.principalOf(ctx).user!;
  const operations = routeOperations(spec, todoHandlers({ store, userOf }));
  const api = new Router().use(auth.requireAuth(config)).use(operations.routes());
  app.use(jsonBody()).use(api.routes()).use(api.allowedMethods());
  return app;
}
