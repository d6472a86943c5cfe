import Koa from 'koa';
import { manifestAuth, requireAuth, type AuthConfig } from '@repo/auth';
import { jsonBody, jsonErrors, notFound, pluginCors } from '@repo/http';
import { loadManifest, serveManifest } from '@repo/manifest';
import { mcpEndpoint } from '@repo/mcp';
import { deleteBodyAsQuery, loadSpec, routeOperations, serveSpec } from '@repo/openapi';
import { MemoryStore, type Store } from '@repo/store';
import { loadPrompt } from './prompt';
import type { Random } from './sample-words';
import { wordStore } from './store-word-store';
import { wordbookHandlers } from './wordbook-handlers';

export interface AppOptions {
  /** Where the wordbooks live; in memory unless given (`server.ts` opens SQLite or Redis). */
  store?: Store;
  /** How many words a book holds (default 1000); tests pass a small number. */
  maxWords?: number;
  /** `Math.random` unless given: tests pass a fixed sequence. */
  random?: Random;
  publicBaseUrl?: string | undefined;
  trustProxy?: boolean;
  production?: boolean;
}

/** The origin of ERNIE Bot's web app, which calls plugins from the browser. */
export const ERNIE_ORIGIN = 'https://yiyan.baidu.com';

const file = (name: string) => new URL(`../${name}`, import.meta.url);
const auth: AuthConfig = { type: 'none' };

/** Builds the wordbook plugin; rejects when its manifest, spec or prompt is invalid. */
export async function createApp(options: AppOptions = {}): Promise<Koa> {
  const manifest = loadManifest(file('ai-plugin.json'), { auth: manifestAuth(auth) });
  const spec = await loadSpec(file('openapi.yaml'));
  const prompt = loadPrompt(file('prompt.txt'));
  const { publicBaseUrl, maxWords, random = Math.random } = options;
  const words = wordStore(options.store ?? new MemoryStore(), { maxWords });
  const app = new Koa({ proxy: options.trustProxy ?? false });

  // errors: every failure leaves as a one-line JSON body, 4xx explained, 5xx hidden
  app.use(jsonErrors());
  app.use(notFound());
  // mcp: every operation is also an MCP tool at /mcp, called through this app in-process;
  // before cors, as /mcp answers its own preflight with the MCP headers
  const cors = { extraOrigins: [ERNIE_ORIGIN], allowLoopback: !options.production };
  app.use(mcpEndpoint(app, { spec, auth, cors }));
  // cors: ERNIE's web page calls the plugin from the browser, as ChatGPT's does
  app.use(pluginCors(cors));
  // plugin files: manifest, logo and example.yaml; the spec at /.well-known/openapi.yaml
  const examplesFile = file('example.yaml');
  app.use(serveManifest({ manifest, logoFile: file('logo.png'), examplesFile, publicBaseUrl }));
  app.use(serveSpec({ spec, yamlPath: manifest.specPath, publicBaseUrl }));
  // api: every operation in openapi.yaml, its input checked against the spec first
  app.use(requireAuth(auth));
  app.use(jsonBody());
  app.use(deleteBodyAsQuery(spec));
  const api = routeOperations(spec, wordbookHandlers({ store: words, random, prompt }));
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
