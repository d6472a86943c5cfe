import type { Context, Next } from 'koa';

/**
 * Moves the scalar fields of a DELETE request's JSON body into its query, where the spec asks for
 * them: the ERNIE guide's sample sends `{"word": "..."}` with DELETE, but generic OpenAPI clients
 * send no DELETE body (RFC 9110 §9.3.5 gives it no meaning), so the spec puts `word` in the query.
 * A query value wins over the body's. Goes after `jsonBody()`, before the router.
 */
export function deleteBodyAsQuery() {
  return async function deleteBodyAsQuery(ctx: Context, next: Next) {
    const body: unknown = ctx.request.body;
    if (ctx.method === 'DELETE' && body && typeof body === 'object' && !Array.isArray(body)) {
      const query = { ...ctx.query };
      for (const [name, value] of Object.entries(body)) {
        const scalar = ['string', 'number', 'boolean'].includes(typeof value);
        if (scalar && query[name] === undefined) query[name] = String(value);
      }
      ctx.query = query;
    }
    await next();
  };
}
