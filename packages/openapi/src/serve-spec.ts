import type { Context, Next } from 'koa';
import { load } from 'js-yaml';
import { fillPlaceholders, perOrigin, publicOrigin } from '@repo/http';
import type { LoadedSpec } from './load-spec';

export const WELL_KNOWN_SPEC_PATH = '/.well-known/openapi.yaml';
export const JSON_SPEC_PATH = '/openapi.json';

export interface ServeSpecOptions {
  spec: LoadedSpec;
  /** Where the manifest's `api.url` points; the spec is also served at the well-known path. */
  yamlPath: string;
  publicBaseUrl?: string | undefined;
}

/**
 * Serves the spec as YAML (as written, placeholders filled) at the manifest's path and at
 * `/.well-known/openapi.yaml`, and as JSON at `/openapi.json`; each rendered once per origin.
 */
export function serveSpec(options: ServeSpecOptions) {
  const { spec, publicBaseUrl } = options;
  const yamlPaths = new Set([options.yamlPath, WELL_KNOWN_SPEC_PATH]);
  // Rendered to bytes once per origin, with the Content-Type Koa would work out from `ctx.type`:
  // a string body is measured (Buffer.byteLength) and the type looked up again on every request,
  // which a CPU profile of the spec under load showed as a third of this middleware's time.
  const yaml = perOrigin((origin) => Buffer.from(fillPlaceholders(spec.text, origin)));
  const json = perOrigin((origin) =>
    Buffer.from(JSON.stringify(load(fillPlaceholders(spec.text, origin)))),
  );

  return async function serveSpec(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (yamlPaths.has(ctx.path)) {
      ctx.set('Content-Type', 'text/yaml; charset=utf-8');
      ctx.body = yaml(publicOrigin(ctx, publicBaseUrl));
    } else if (ctx.path === JSON_SPEC_PATH) {
      ctx.set('Content-Type', 'application/json; charset=utf-8');
      ctx.body = json(publicOrigin(ctx, publicBaseUrl));
    } else {
      return next();
    }
  };
}
