import type { Context, Next } from 'koa';
import { isLoopbackUrl } from './origin-guard';

/**
 * Answers only what this machine's own pages ask: a `Host` that is not loopback (DNS
 * rebinding) is a 403, and so is a POST from another site's page (its `Origin` differs), since
 * a POST makes the console fetch and call plugins. The pages' CSP allows the console's own
 * script and style, and images the server inlined, nothing a plugin returns.
 */
export function localOnly() {
  return async function localOnly(ctx: Context, next: Next) {
    const self = `http://${ctx.host}`;
    ctx.assert(URL.canParse(self) && isLoopbackUrl(new URL(self)), 403, '`Host` must be loopback');
    const origin = ctx.get('Origin');
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD')
      ctx.assert(!origin || origin === self, 403, '`Origin` must be the console itself');
    ctx.set(
      'Content-Security-Policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; connect-src 'self'; form-action 'self'",
    );
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    await next();
  };
}
