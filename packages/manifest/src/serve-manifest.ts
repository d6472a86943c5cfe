import { readFileSync } from 'node:fs';
import type { Context, Next } from 'koa';
import { perOrigin, publicOrigin } from '@repo/http';
import type { PluginManifest } from './load-manifest';
import { pngSize } from './png';

export const MANIFEST_PATH = '/.well-known/ai-plugin.json';

export interface ServeManifestOptions {
  manifest: PluginManifest;
  /** The logo file, a PNG; read once here. */
  logoFile: string | URL;
  /** The configured public base URL; without it the origin comes from the request. */
  publicBaseUrl?: string | undefined;
}

/**
 * Serves `/.well-known/ai-plugin.json` (rendered once per origin) and the logo at the path the
 * manifest names. Throws at construction when the logo is not a PNG.
 * @example app.use(serveManifest({ manifest, logoFile: new URL('../logo.png', import.meta.url) }))
 */
export function serveManifest(options: ServeManifestOptions) {
  const { manifest, publicBaseUrl } = options;
  const logo = readFileSync(options.logoFile);
  if (!pngSize(logo)) throw new Error(`${String(options.logoFile)} is not a PNG file`);
  const rendered = perOrigin((origin) => JSON.stringify(manifest.render(origin)));

  return async function serveManifest(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === MANIFEST_PATH) {
      ctx.type = 'application/json';
      ctx.body = rendered(publicOrigin(ctx, publicBaseUrl));
    } else if (ctx.path === manifest.logoPath) {
      ctx.type = 'image/png';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = logo;
    } else {
      return next();
    }
  };
}
