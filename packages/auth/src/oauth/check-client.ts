import type { OAuthClient } from './oauth-model';

// Unreserved characters only, so that form-encoding (RFC 6749 §2.3.1) leaves them unchanged.
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks the pre-registered client: id and secret of unreserved characters, and redirect URIs
 * as `redirectUriProblem` wants them. Throws naming the first problem.
 */
export function checkClient(client: OAuthClient): void {
  if (typeof client.id !== 'string' || !UNRESERVED.test(client.id)) {
    throw new Error('the client `id` must be letters, digits and `-._~`');
  }
  if (typeof client.secret !== 'string' || !UNRESERVED.test(client.secret)) {
    throw new Error('the client `secret` must be letters, digits and `-._~`');
  }
  if (!Array.isArray(client.redirectUris) || client.redirectUris.length === 0) {
    throw new Error('the client needs at least one redirect URI');
  }
  for (const uri of client.redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new Error(problem);
  }
}

/**
 * Why `uri` cannot be a redirect URI, or `undefined` when it can: absolute, https (or http on a
 * loopback host, RFC 8252 §7.3), no fragment (RFC 6749 §3.1.2), no query, written canonically.
 */
export function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.length > 2000) return 'a redirect URI must be a URL string';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect URI \`${uri}\` is not an absolute URL`;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) return `redirect URI \`${uri}\` must be https (or http on localhost)`;
  if (url.hash || url.search || uri.includes('#')) {
    return `redirect URI \`${uri}\` must not have a query or a fragment`;
  }
  if (url.href !== uri) return `redirect URI \`${uri}\` must be written as \`${url.href}\``;
  return undefined;
}
