import type { Context, Next } from 'koa';
import { jsonBody, publicOrigin } from '@repo/http';
import { readCredential } from '../credentials';
import type { Principal, VerifyCredential } from '../http-auth';
import { PRM_PATH } from './metadata';

export interface ResourceGuardOptions {
  /** The resource's path, such as `/mcp`: the token must be bound to `<origin><path>`. */
  path: string;
  verify: VerifyCredential;
  /** The scopes a client should ask for, named in the 401 challenge. */
  scopes: string[];
  /** The scopes each tool needs (by tool name); a call without them is a 403 (step-up). */
  toolScopes: Record<string, string[]>;
  publicBaseUrl?: string | undefined;
  /** Largest JSON-RPC body, as the endpoint's own body parser. */
  bodyLimit?: string;
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '')}"`;

// The tools a JSON-RPC message (or a batch of them) calls.
function calledTools(body: unknown): string[] {
  const messages = Array.isArray(body) ? body : [body];
  return messages.flatMap((message: unknown) => {
    const m = message as { method?: unknown; params?: { name?: unknown } } | null;
    return m?.method === 'tools/call' && typeof m.params?.name === 'string' ? [m.params.name] : [];
  });
}

/**
 * The bearer check of an MCP endpoint as the MCP authorization spec wants it: a request without
 * a valid token bound to this resource is a 401 whose challenge names the resource metadata
 * and the scopes (RFC 9728 §5.1, RFC 6750 §3); a tool call the token's scopes do not cover is a
 * 403 `insufficient_scope` naming the scopes it needs, which is how a client knows to step up.
 * Tokens for another resource (RFC 8707), or for none, are refused as invalid here.
 * @example app.use(mcpEndpoint(app, { spec, auth: oauth.resourceGuard({ path: '/mcp', … }) }))
 */
export function resourceGuard(options: ResourceGuardOptions) {
  const { path, verify, toolScopes } = options;
  const parse = jsonBody({ limit: options.bodyLimit });

  return async function mcpBearerAuth(ctx: Context, next: Next) {
    const origin = publicOrigin(ctx, options.publicBaseUrl);
    const metadata = `resource_metadata=${quoted(origin + PRM_PATH + path)}`;
    const challenge = (scopes: string[], error?: string, description?: string) =>
      [
        `Bearer ${metadata}`,
        `scope=${quoted(scopes.join(' '))}`,
        ...(error ? [`error=${quoted(error)}`] : []),
        ...(description ? [`error_description=${quoted(description)}`] : []),
      ].join(', ');

    const read = readCredential(ctx, 'bearer');
    if (read.kind === 'absent') {
      ctx.throw(401, 'this endpoint needs an `Authorization: Bearer <token>` header', {
        headers: { 'WWW-Authenticate': challenge(options.scopes) },
      });
    }
    if (read.kind === 'malformed') {
      ctx.throw(400, read.reason, {
        code: 'invalid_request',
        field: 'Authorization',
        headers: { 'WWW-Authenticate': challenge(options.scopes, 'invalid_request') },
      });
    }
    const principal: Principal | undefined = await verify(read.credential);
    // MCP authorization: the server MUST check that the token was issued for it (RFC 8707).
    if (!principal || principal.resource !== origin + path) {
      const message = 'the token is invalid, has expired, or is not for this resource';
      ctx.throw(401, message, {
        code: 'invalid_token',
        headers: { 'WWW-Authenticate': challenge(options.scopes, 'invalid_token', message) },
      });
    }
    ctx.state.principal = principal;
    if (ctx.method === 'POST' && ctx.is('application/json')) {
      await parse(ctx, async () => {});
      const needed = [
        ...new Set(calledTools(ctx.request.body).flatMap((t) => toolScopes[t] ?? [])),
      ];
      const missing = needed.filter((scope) => !principal.scope?.includes(scope));
      if (missing.length > 0) {
        const message = `this call needs the scope \`${missing.join(' ')}\``;
        const granted = [...new Set([...(principal.scope ?? []), ...needed])];
        ctx.throw(403, message, {
          code: 'insufficient_scope',
          headers: { 'WWW-Authenticate': challenge(granted, 'insufficient_scope', message) },
        });
      }
    }
    await next();
  };
}
