import type { Context, Next } from 'koa';

/**
 * Gives a JSON body to the requests no route answered: a 404 naming the method and path, and the
 * bare 405/501 of a router's `allowedMethods()` (its `Allow` header kept). It wraps the rest of
 * the stack, so it goes near the top, right after `jsonErrors()`.
 */
export function notFound() {
  return async function notFound(ctx: Context, next: Next) {
    await next();
    if (ctx.body != null && ctx.body !== '') return;
    if (ctx.status === 404) {
      ctx.throw(404, `No route for ${ctx.method} ${ctx.path}`, { code: 'route_not_found' });
    }
    if (ctx.status === 405 || ctx.status === 501) {
      const allow = ctx.response.get('Allow');
      ctx.throw(ctx.status, `${ctx.method} is not allowed on ${ctx.path}; use ${allow}`, {
        headers: { Allow: allow },
      });
    }
  };
}
