import type { KnownClient } from './clients';

/** The parameters of a valid authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8707 §2). */
export type AuthorizationRequest = {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  state: string;
  scope: string;
  code_challenge: string;
  code_challenge_method: string;
  resource: string;
};

export const REQUEST_FIELDS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'resource',
] as const satisfies readonly (keyof AuthorizationRequest)[];

export type CheckedRequest =
  | { kind: 'valid'; request: AuthorizationRequest }
  /** The client or the redirect cannot be trusted: show an error page, never redirect. */
  | { kind: 'refuse'; message: string }
  /** The redirect is trusted: send the error back to the client (RFC 6749 §4.1.2.1). */
  | { kind: 'redirect'; redirectUri: string; error: string; description: string; state?: string };

const VSCHAR = /^[\x20-\x7E]{1,1024}$/;
const PKCE_CHALLENGE = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Checks an authorization request before any page is shown. The client and the exact
 * `redirect_uri` come first: until both are known, nothing is redirected anywhere (RFC 6749
 * §4.1.2.1). `state` is required: the only client is the host, which always sends one, and a
 * request without it is the login-CSRF case RFC 6749 §10.12 warns about.
 */
export function checkAuthorizationRequest(
  query: Readonly<Record<string, string | string[] | undefined>>,
  client: KnownClient | undefined,
  scopes: readonly string[],
  /** The resources (RFC 8707) a token may be asked for: this server's own. */
  resources: readonly string[],
): CheckedRequest {
  const one = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? null : (value ?? '');
  };
  const clientId = one('client_id');
  if (clientId === null || !client || clientId !== client.id) {
    return { kind: 'refuse', message: 'This app is not registered here (unknown client_id).' };
  }
  const redirectUri = one('redirect_uri');
  if (redirectUri === null || !client.redirectUris.includes(redirectUri)) {
    return { kind: 'refuse', message: 'The redirect_uri is not one this app registered.' };
  }
  const back = (error: string, description: string, state?: string): CheckedRequest => ({
    kind: 'redirect',
    redirectUri,
    error,
    description,
    ...(state ? { state } : {}),
  });
  const state = one('state');
  if (!state || !VSCHAR.test(state)) return back('invalid_request', '`state` is required');
  const responseType = one('response_type');
  if (!responseType) return back('invalid_request', '`response_type` is required', state);
  if (responseType !== 'code') {
    return back('unsupported_response_type', 'only `response_type=code` is supported', state);
  }
  const scope = one('scope');
  if (scope === null) return back('invalid_scope', '`scope` must be given once', state);
  const asked = scope.trim().split(/\s+/).filter(Boolean);
  if (!asked.every((s) => scopes.includes(s))) {
    return back('invalid_scope', `\`scope\` must be among: ${scopes.join(' ')}`, state);
  }
  const challenge = one('code_challenge');
  const method = one('code_challenge_method');
  if (challenge === null || method === null) {
    return back('invalid_request', 'PKCE parameters must be given once', state);
  }
  // A public client has no secret: PKCE is what binds the code to it (OAuth 2.1 §7.5.1).
  if (client.public && !challenge) {
    return back('invalid_request', 'a public client must send `code_challenge` (S256)', state);
  }
  // RFC 7636 §4.3 makes `plain` the default method; plain is refused, so S256 must be named.
  if (challenge || method) {
    if (method !== 'S256') {
      return back('invalid_request', '`code_challenge_method` must be S256', state);
    }
    if (!PKCE_CHALLENGE.test(challenge)) {
      return back(
        'invalid_request',
        '`code_challenge` must be 43 to 128 URL-safe characters',
        state,
      );
    }
  }
  const resource = one('resource');
  if (resource === null) return back('invalid_target', '`resource` must be given once', state);
  if (resource && !resources.includes(resource)) {
    return back('invalid_target', `\`resource\` must be ${resources.join(' or ')}`, state);
  }
  return {
    kind: 'valid',
    request: {
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: responseType,
      state,
      scope: asked.join(' '),
      code_challenge: challenge,
      code_challenge_method: method,
      resource,
    },
  };
}

/** The redirect that carries an error back to the client, with `state` when there is one. */
export function errorRedirect(
  redirectUri: string,
  error: string,
  description: string,
  state?: string,
) {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  if (state) url.searchParams.set('state', state);
  return url.href;
}
