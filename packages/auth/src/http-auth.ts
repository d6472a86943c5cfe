import type { Context, Next } from 'koa';
import { readCredential, type HttpScheme } from './credentials';

/** Who a verified credential speaks for; left in `ctx.state.principal` for the handlers. */
export interface Principal {
  /** The user the credential belongs to; absent for a service-wide token. */
  user?: string;
  /** The scopes the credential grants, when it carries any (OAuth access tokens). */
  scope?: string[];
  /** The resource (RFC 8707) an OAuth access token is bound to, when it was issued for one. */
  resource?: string;
}

/** Checks a credential; resolves to its principal, or to `undefined` when it is not valid. */
export type VerifyCredential = (
  credential: string,
) => Principal | undefined | Promise<Principal | undefined>;

export interface HttpAuthOptions {
  scheme: HttpScheme;
  /** Named in `WWW-Authenticate`, so a client knows which credential to send. */
  realm: string;
  /** For `bearer`, receives the token; for `basic`, the decoded `user:password`. */
  verify: VerifyCredential;
}

const REALM = /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,100}$/; // printable, no `"` or `\`

function challenge(scheme: HttpScheme, realm: string, error?: string, description?: string) {
  const parts = [`realm="${realm}"`];
  if (scheme === 'basic') parts.push('charset="UTF-8"');
  // RFC 6750 §3 defines the error attributes for Bearer only; RFC 7617 has none for Basic.
  if (scheme === 'bearer' && error) parts.push(`error="${error}"`);
  if (scheme === 'bearer' && description) parts.push(`error_description="${description}"`);
  return `${scheme === 'bearer' ? 'Bearer' : 'Basic'} ${parts.join(', ')}`;
}

/**
 * Guards the routes after it with HTTP authentication, following RFC 6750 §3 (and RFC 7617 for
 * Basic): no credential is a 401 with a `WWW-Authenticate` challenge, a malformed one a 400
 * `invalid_request`, a wrong one a 401 `invalid_token`. Errors go through `ctx.throw`, so
 * `jsonErrors` renders them with their headers; the credential never appears in a message.
 * Throws at construction on a bad `scheme`, `realm` or `verify`.
 * @example app.use(httpAuth({ scheme: 'bearer', realm: 'todo', verify: (t) => tokens.get(t) }))
 */
export function httpAuth(options: HttpAuthOptions) {
  const { scheme, realm, verify } = options;
  if (scheme !== 'bearer' && scheme !== 'basic') {
    throw new Error(`\`scheme\` must be \`bearer\` or \`basic\`, got \`${String(scheme)}\``);
  }
  if (typeof realm !== 'string' || !REALM.test(realm)) {
    throw new Error('`realm` must be 1 to 100 printable characters without `"` or `\\`');
  }
  if (typeof verify !== 'function') throw new Error('`verify` must be a function');
  const wrong = scheme === 'bearer' ? 'invalid_token' : 'invalid_credentials';
  const wrongMessage =
    scheme === 'bearer' ? 'the token is invalid or has expired' : 'the credentials are wrong';

  async function authenticate(ctx: Context): Promise<Principal> {
    const read = readCredential(ctx, scheme);
    if (read.kind === 'absent') {
      const name = scheme === 'bearer' ? 'Bearer <token>' : 'Basic <credentials>';
      ctx.throw(401, `this API needs an \`Authorization: ${name}\` header`, {
        headers: { 'WWW-Authenticate': challenge(scheme, realm) },
      });
    }
    if (read.kind === 'malformed') {
      ctx.throw(400, read.reason, {
        code: 'invalid_request',
        field: 'Authorization',
        headers: { 'WWW-Authenticate': challenge(scheme, realm, 'invalid_request') },
      });
    }
    const principal = await verify(read.credential);
    if (!principal) {
      ctx.throw(401, wrongMessage, {
        code: wrong,
        headers: { 'WWW-Authenticate': challenge(scheme, realm, wrong, wrongMessage) },
      });
    }
    return principal;
  }

  // Verify first, then call `next()` outside any try: an error further down the stack must
  // stay that error, never turn into a 401.
  if (scheme === 'bearer') {
    return async function bearerAuth(ctx: Context, next: Next) {
      ctx.state.principal = await authenticate(ctx);
      await next();
    };
  }
  return async function basicAuth(ctx: Context, next: Next) {
    ctx.state.principal = await authenticate(ctx);
    await next();
  };
}

/** The principal `httpAuth` verified for this request; throws a 500 on an unguarded route. */
export function principalOf(ctx: Context): Principal {
  const principal = ctx.state.principal as Principal | undefined;
  if (!principal) throw new Error('no principal: this route is not behind an auth check');
  return principal;
}
