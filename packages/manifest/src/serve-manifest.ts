import { readFileSync } from 'node:fs';
import type { Context, Next } from 'koa';
import { perOrigin, publicOrigin } from '@repo/http';
import type { PluginManifest } from './load-manifest';
import { pngSize } from './png';

export const MANIFEST_PATH = '/.well-known/ai-plugin.json';
/** Where ERNIE Bot also looks for a plugin's examples file. */
export const WELL_KNOWN_EXAMPLES_PATH = '/.well-known/example.yaml';

export interface ServeManifestOptions {
  manifest: PluginManifest;
  /** The logo file, a PNG; read once here. */
  logoFile: string | URL;
  /** The configured public base URL; without it the origin comes from the request. */
  publicBaseUrl?: string | undefined;
  /**
   * ERNIE Bot's example.yaml, read once here and served as written at the manifest's
   * `examples.url` path and at `/.well-known/example.yaml`.
   */
  examplesFile?: string | URL;
}

/**
 * Serves `/.well-known/ai-plugin.json` (rendered once per origin), the logo at the path the
 * manifest names and, when given, the examples file. Throws at construction when the logo is not
 * a PNG or a file cannot be read.
 * @example app.use(serveManifest({ manifest, logoFile: new URL('../logo.png', import.meta.url) }))
 */
export function serveManifest(options: ServeManifestOptions) {
  const { manifest, publicBaseUrl } = options;
  const logo = readFileSync(options.logoFile);
  if (!pngSize(logo)) throw new Error(`${String(options.logoFile)} is not a PNG file`);
  // Bytes, once per origin: a string body would be measured again on every request.
  const rendered = perOrigin((origin) => Buffer.from(JSON.stringify(manifest.render(origin))));
  const examples = options.examplesFile && readFileSync(options.examplesFile, 'utf8');
  const examplesPaths = new Set([manifest.examplesPath, WELL_KNOWN_EXAMPLES_PATH]);

  return async function serveManifest(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === MANIFEST_PATH) {
      // What `ctx.type = 'application/json'` gives, without looking the type up per request.
      ctx.set('Content-Type', 'application/json; charset=utf-8');
      ctx.body = rendered(publicOrigin(ctx, publicBaseUrl));
    } else if (ctx.path === manifest.logoPath) {
      ctx.type = 'image/png';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = logo;
    } else if (examples && examplesPaths.has(ctx.path)) {
      ctx.type = 'text/yaml';
      ctx.body = examples;
    } else {
      return next();
    }
  };
}
