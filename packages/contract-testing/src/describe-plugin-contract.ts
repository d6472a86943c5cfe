import request from 'supertest';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type Koa from 'koa';
import { HOST_ORIGINS } from '@repo/http';
import { MANIFEST_PATH, manifestSchema, pngSize, type Manifest } from '@repo/manifest';
import {
  JSON_SPEC_PATH,
  WELL_KNOWN_SPEC_PATH,
  dereferenceSpec,
  listOperations,
  specProblems,
  toRouterPath,
  type OpenApiDocument,
  type Operation,
} from '@repo/openapi';
import { appRoutes } from './app-routes';
import type { ContractOptions } from './contract-options';
import { exampleRequest, fillPath } from './examples';
import { responseSchemaProblem } from './response-schema';

/**
 * The contract every plugin in this repo keeps, as a vitest suite generated from the app's own
 * manifest and spec: the manifest is valid and points at this origin, the spec is valid and
 * served three ways, spec and routes match one to one, every operation's example call gets a
 * documented 2xx whose body matches its schema, the logo is a PNG, and CORS admits only hosts.
 * @example describePluginContract('todo-noauth', { createApp, order: ['addTodo'] });
 */
export function describePluginContract(name: string, options: ContractOptions): void {
  const host = options.host ?? 'plugin.test:8080';
  const origin = `http://${host}`;
  let app: Koa;
  let manifest: Manifest;
  let spec: OpenApiDocument;
  let operations: Operation[];
  const get = (path: string) => request(app.callback()).get(path).set('Host', host);

  describe(`${name} keeps the plugin contract`, () => {
    beforeAll(async () => {
      app = await options.createApp();
      manifest = (await get(MANIFEST_PATH)).body as Manifest;
      spec = load((await get(new URL(manifest.api.url).pathname)).text) as OpenApiDocument;
      operations = listOperations(dereferenceSpec(spec));
    });

    it('serves a valid manifest as JSON, every URL absolute and on the requested origin', async () => {
      const res = await get(MANIFEST_PATH).set('X-Forwarded-Host', 'attacker.example');
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/json');
      const parsed = manifestSchema.safeParse(res.body);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const urls = JSON.stringify(res.body).match(/"https?:\/\/[^"]*"/g) ?? [];
      const own = [manifest.api.url, manifest.logo_url, manifest.examples?.url].filter(Boolean);
      for (const url of own) expect(url).toMatch(new RegExp(`^${origin}/[^/]`));
      expect(urls.some((url) => url.includes('attacker.example'))).toBe(false);
    });

    it('serves a valid spec at api.url, at the well-known path and as JSON, all alike', async () => {
      expect(await specProblems(spec)).toEqual([]);
      expect(spec.servers?.[0]?.url).toBe(origin);
      const wellKnown = await get(WELL_KNOWN_SPEC_PATH);
      expect(wellKnown.status).toBe(200);
      expect(load(wellKnown.text)).toEqual(spec);
      const json = await get(JSON_SPEC_PATH);
      expect(json.type).toBe('application/json');
      expect(json.body).toEqual(spec);
    });

    it('routes every operation in the spec, and nothing else but its own endpoints', async () => {
      const own = new Set(options.ownRoutes ?? []);
      const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
      const specRoutes = operations.map((op) => key(op.method, toRouterPath(op.path)));
      const routed = appRoutes(app)
        .filter((r) => !own.has(r.path))
        .map((r) => key(r.method, r.path));
      expect(new Set(routed)).toEqual(new Set(specRoutes));
    });

    it("answers each operation's example call with a documented 2xx matching its schema", async () => {
      const rank = (id: string) => (options.order ?? []).indexOf(id) + 1 || Infinity;
      const ordered = [...operations].sort((a, b) => rank(a.operationId) - rank(b.operationId));
      const headers = (await options.apiHeaders?.(app)) ?? {};
      for (const operation of ordered) {
        const example = {
          ...exampleRequest(operation),
          ...options.requests?.[operation.operationId],
        };
        const agent = request(app.callback());
        let call = agent[operation.method as 'get'](fillPath(operation.path, example.path))
          .set('Host', host)
          .set(headers)
          .query(example.query as Record<string, string>);
        if (example.body !== undefined) call = call.send(example.body as object);
        const res = await call;
        const label = `${operation.operationId} answered ${res.status}: ${res.text.slice(0, 200)}`;
        expect(res.status >= 200 && res.status < 300, label).toBe(true);
        expect(responseSchemaProblem(operation, res.status, res.body)).toBeUndefined();
      }
    });

    it('serves the logo as a 512x512 PNG', async () => {
      const res = await get(new URL(manifest.logo_url).pathname).buffer(true);
      expect(res.status).toBe(200);
      expect(res.type).toBe('image/png');
      expect(pngSize(res.body as Buffer)).toEqual({ width: 512, height: 512 });
    });

    it('lets the hosts call it cross-origin, and no other origin', async () => {
      const preflight = (from: string) =>
        request(app.callback())
          .options(MANIFEST_PATH)
          .set('Origin', from)
          .set('Access-Control-Request-Method', 'GET')
          .set('Access-Control-Request-Private-Network', 'true');
      for (const allowed of [...HOST_ORIGINS, ...(options.corsOrigins ?? [])]) {
        const res = await preflight(allowed);
        expect(res.headers['access-control-allow-origin']).toBe(allowed);
        expect(res.headers['access-control-allow-private-network']).toBe('true');
      }
      const denied = await preflight('https://attacker.example');
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers an unknown path with a JSON 404', async () => {
      const res = await get('/no/such/route');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: 'route_not_found' });
    });
  });
}
