import type { Context } from 'koa';

export type HttpScheme = 'bearer' | 'basic';

/** RFC 6750 §2.1 `b64token` (and RFC 7235 `token68`): the only shape a credential may have. */
export const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What the `Authorization` header holds for the expected scheme. */
export type ReadCredential =
  | { kind: 'absent' }
  | { kind: 'malformed'; reason: string }
  | { kind: 'present'; credential: string };

/**
 * Reads the credential for `scheme` from the `Authorization` header. A missing header, or one of
 * another scheme, is `absent` (RFC 6750 §3.1: no error code for a client that did not try this
 * scheme). For `basic` the credential is the decoded `user:password` (RFC 7617 §2).
 */
export function readCredential(ctx: Context, scheme: HttpScheme): ReadCredential {
  const header = ctx.get('Authorization');
  if (!header) return { kind: 'absent' };
  // RFC 7235 §2.1: `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, and the
  // scheme is a `token` (RFC 7230 §3.2.6), which may start with a digit: a bare token is a scheme.
  const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?: +(.*))?$/.exec(header);
  if (!match)
    return { kind: 'malformed', reason: '`Authorization` header is not `<scheme> <credential>`' };
  // RFC 7235 §2.1: the scheme name is case-insensitive.
  if (match[1]!.toLowerCase() !== scheme) return { kind: 'absent' };
  const value = (match[2] ?? '').trim();
  const name = scheme === 'bearer' ? 'Bearer' : 'Basic';
  if (!TOKEN68.test(value)) {
    return {
      kind: 'malformed',
      reason: `\`Authorization\` header is not a valid ${name} credential`,
    };
  }
  if (scheme === 'bearer') return { kind: 'present', credential: value };
  if (!BASE64.test(value)) {
    return { kind: 'malformed', reason: '`Authorization` Basic credential is not base64' };
  }
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  if (!decoded.includes(':')) {
    return { kind: 'malformed', reason: '`Authorization` Basic credential is not `user:password`' };
  }
  return { kind: 'present', credential: decoded };
}
