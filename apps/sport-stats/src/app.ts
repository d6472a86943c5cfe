import Koa from 'koa';
import { manifestAuth, requireAuth, type AuthConfig } from '@repo/auth';
import { jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { mcpEndpoint } from '@repo/mcp';
import { loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import type { Store } from '@repo/store';
import { checkListBody, statsHandlers } from './stats-handlers';
import { UpstreamClient, type UpstreamClientOptions } from './upstream/upstream-client';

export interface AppOptions {
  /**
   * Where the stats come from: the options to build the client (at least `baseUrl`), or a
   * client built by the caller (give it `checkBody: checkListBody`, as the options path does).
   */
  upstream: UpstreamClient | UpstreamClientOptions;
  /** Where good answers are cached (when the client is built here); in memory unless given. */
  store?: Store;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
  /** Where a line about each failed upstream call goes; `console.warn` by default. */
  log?: (line: string) => void;
}

const file = (name: string) => new URL(`../${name}`, import.meta.url);
const auth: AuthConfig = { type: 'none' };

/** Builds the sport-stats plugin; rejects when its manifest or spec is invalid. */
export async function createApp(options: AppOptions): Promise<Koa> {
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth) });
  const spec = await loadSpec(file('openapi.yaml'));
  const upstream =
    options.upstream instanceof UpstreamClient
      ? options.upstream
      : new UpstreamClient({ checkBody: checkListBody, store: options.store, ...options.upstream });
  const log = options.log ?? ((line: string) => console.warn(`sport-stats: ${line}`));
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
  // api: every operation in openapi.yaml, its query checked against the spec first, then relayed
  // to the upstream (no request bodies here, so no body parser)
  app.use(requireAuth(auth));
  const api = routeOperations(spec, statsHandlers({ upstream, log }));
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
