import type { Context, Next } from 'koa';
import { principalOf } from './http-auth';

// Any Koa handler: the router's handlers take a `RouterContext`, a `Context` with more on it.
type Handler = (ctx: never, next: Next) => unknown;
type Operations = Record<string, Record<string, { operationId?: string; security?: unknown }>>;

/**
 * The scopes each operation of an OpenAPI document needs under the security scheme `scheme`
 * (OpenAPI 3.1 §4.8.30: an operation's own `security`, else the document's), by `operationId`.
 */
export function operationScopes(
  document: { paths?: unknown; security?: unknown },
  scheme: string,
): Record<string, string[]> {
  const scopesOf = (security: unknown): string[] => {
    const first = Array.isArray(security) ? (security[0] as Record<string, unknown>) : undefined;
    const scopes = first?.[scheme];
    return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
  };
  const scopes: Record<string, string[]> = {};
  for (const item of Object.values((document.paths ?? {}) as Operations)) {
    for (const operation of Object.values(item)) {
      if (typeof operation?.operationId !== 'string') continue;
      scopes[operation.operationId] = scopesOf(operation.security ?? document.security);
    }
  }
  return scopes;
}

/**
 * Puts a scope check in front of each handler: a principal without every scope its operation
 * needs gets a 403 `insufficient_scope` naming them (RFC 6750 §3.1). Runs after the token check.
 * @example routeOperations(spec, withScopes(handlers, operationScopes(spec.document, 'oauth'), 'todo'))
 */
export function withScopes<T extends Record<string, Handler>>(
  handlers: T,
  scopes: Record<string, string[]>,
  realm: string,
): T {
  const guarded = Object.entries(handlers).map(([operationId, handler]) => {
    const needed = scopes[operationId] ?? [];
    return [
      operationId,
      async function scoped(ctx: Context, next: Next) {
        const granted = principalOf(ctx).scope ?? [];
        const missing = needed.filter((scope) => !granted.includes(scope));
        if (missing.length > 0) {
          const message = `this operation needs the scope \`${missing.join(' ')}\``;
          const header = `Bearer realm="${realm}", error="insufficient_scope", scope="${needed.join(' ')}"`;
          ctx.throw(403, message, {
            code: 'insufficient_scope',
            headers: { 'WWW-Authenticate': header },
          });
        }
        return handler(ctx as never, next);
      },
    ];
  });
  return Object.fromEntries(guarded) as T;
}
