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
  const yaml = perOrigin((origin) => fillPlaceholders(spec.text, origin));
  const json = perOrigin((origin) => JSON.stringify(load(yaml(origin))));

  return async function serveSpec(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (yamlPaths.has(ctx.path)) {
      ctx.type = 'text/yaml';
      ctx.body = yaml(publicOrigin(ctx, publicBaseUrl));
    } else if (ctx.path === JSON_SPEC_PATH) {
      ctx.type = 'application/json';
      ctx.body = json(publicOrigin(ctx, publicBaseUrl));
    } else {
      return next();
    }
  };
}
