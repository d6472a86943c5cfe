import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Context, Next } from 'koa';

/** Serves a few files of `folder`, read once at start-up, at `/<name>`. */
export function staticFiles(folder: URL, names: string[]) {
  const files = new Map(names.map((name) => [`/${name}`, readFileSync(new URL(name, folder))]));
  return async function staticFiles(ctx: Context, next: Next) {
    const file = ctx.method === 'GET' ? files.get(ctx.path) : undefined;
    if (!file) return next();
    ctx.type = extname(ctx.path);
    ctx.body = file;
  };
}
