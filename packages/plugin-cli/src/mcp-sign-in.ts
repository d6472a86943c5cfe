import {
  auth,
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  exchangeAuthorization,
  extractWWWAuthenticateParams,
  validateAuthorizationResponseIssuer,
  type OAuthTokens,
} from '@modelcontextprotocol/client';
import { listenForCallback } from './loopback-callback';
import { MemoryOAuthProvider } from './memory-oauth-provider';
import { SignInError, signInError } from './sign-in-error';

export interface McpSignInOptions {
  /** A loopback redirect URI to listen on; default http://127.0.0.1:<free port>/callback. */
  redirectUri?: string | undefined;
  /** Shows the sign-in URL to the user (prints it, or opens a browser). */
  openUrl(url: string): void | Promise<void>;
  /** Cancels the sign-in. */
  signal?: AbortSignal | undefined;
  /** How long to wait for the user to come back; default 5 minutes. */
  timeoutMs?: number | undefined;
  /** The scope to ask for; default the 401's `scope`, else the resource's `scopes_supported`. */
  scope?: string | undefined;
  fetch?: typeof fetch | undefined;
}

export interface McpSignIn {
  accessToken: string;
  tokens: OAuthTokens;
  /** The authorization server that issued the token, and the resource it is for (RFC 8707). */
  issuer: string;
  resource: string | undefined;
  clientId: string;
}

/** Whether a `resource` (RFC 9728 §3) covers the MCP URL: same origin, and the URL under its path. */
function covers(resource: string, url: string): boolean {
  const r = new URL(resource);
  const u = new URL(url);
  return (
    r.origin === u.origin &&
    (u.pathname === r.pathname || u.pathname.startsWith(r.pathname.replace(/\/?$/, '/')))
  );
}

/**
 * Signs in to an MCP server that answers 401, as the MCP authorization spec says a client does:
 * protected resource metadata (RFC 9728), authorization server metadata (RFC 8414), dynamic
 * registration of a public client (RFC 7591), authorization code with PKCE S256 and `resource`
 * (RFC 8707), `iss` checked (RFC 9207). The user signs in in their own browser at the URL given
 * to `openUrl`; the token stays in memory. Throws a `SignInError` naming the step that failed.
 * @example const { accessToken } = await mcpSignIn('http://localhost:5004/mcp', { openUrl: console.log });
 */
export async function mcpSignIn(url: string, options: McpSignInOptions): Promise<McpSignIn> {
  const fetchFn = options.fetch ?? fetch;
  const timed: typeof fetch = (input, init) =>
    fetchFn(input, {
      ...init,
      signal: AbortSignal.any([
        AbortSignal.timeout(10_000),
        ...(options.signal ? [options.signal] : []),
      ]),
    });
  const probe = await timed(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  }).catch((err: unknown) => Promise.reject(signInError(`POST ${url}`, err)));
  await probe.body?.cancel();
  if (probe.status !== 401)
    throw new SignInError(
      'no_challenge',
      `${url} answered ${probe.status}, not 401: it asks for no sign-in`,
    );
  // RFC 9728 §5.1: the 401 names the metadata; without it the client tries the well-known URLs.
  const challenge = extractWWWAuthenticateParams(probe);
  const resourceMetadata = await discoverOAuthProtectedResourceMetadata(
    url,
    { resourceMetadataUrl: challenge.resourceMetadataUrl },
    timed,
  ).catch((err: unknown) =>
    Promise.reject(
      signInError(`${url} answered 401 and serves no protected resource metadata (RFC 9728)`, err),
    ),
  );
  if (!covers(resourceMetadata.resource, url))
    throw new SignInError(
      'resource_mismatch',
      `the metadata's resource ${resourceMetadata.resource} does not cover ${url}`,
    );
  const issuer = resourceMetadata.authorization_servers?.[0];
  if (!issuer)
    throw new SignInError(
      'no_metadata',
      `the resource metadata of ${url} names no authorization server`,
    );
  // RFC 8414 §3.3: the metadata's `issuer` must be the URL it was discovered from.
  const metadata = await discoverAuthorizationServerMetadata(issuer, { fetchFn: timed }).catch(
    (err: unknown) => Promise.reject(signInError(`the metadata of ${issuer}`, err)),
  );
  if (!metadata)
    throw new SignInError(
      'no_metadata',
      `${issuer} serves no authorization server metadata (RFC 8414)`,
    );
  if (!metadata.code_challenge_methods_supported?.includes('S256'))
    throw new SignInError(
      'no_pkce',
      `${issuer} does not offer PKCE S256 (\`code_challenge_methods_supported\`)`,
    );
  if (!metadata.registration_endpoint)
    throw new SignInError(
      'registration_refused',
      `${issuer} offers no dynamic client registration (\`registration_endpoint\`)`,
    );

  const callback = await listenForCallback(options.redirectUri);
  try {
    const discovery = {
      authorizationServerUrl: issuer,
      resourceMetadata,
      authorizationServerMetadata: metadata,
    };
    const provider = new MemoryOAuthProvider(callback.redirectUri, discovery);
    const scope = options.scope ?? challenge.scope;
    await auth(provider, { serverUrl: url, scope, fetchFn: timed }).catch((err: unknown) =>
      Promise.reject(signInError('starting the sign-in', err)),
    );
    const [params] = await Promise.all([
      callback.wait(provider.stateValue, {
        timeoutMs: options.timeoutMs ?? 300_000,
        signal: options.signal,
      }),
      options.openUrl(provider.authorizationUrl!),
    ]);
    const iss = params.get('iss') ?? undefined;
    try {
      // RFC 9207 §2.4: check `iss` before anything else the callback says.
      validateAuthorizationResponseIssuer({
        iss,
        expectedIssuer: metadata.issuer,
        issParameterSupported: metadata.authorization_response_iss_parameter_supported === true,
      });
    } catch (err) {
      throw signInError('the callback', err);
    }
    const code = params.get('code');
    if (params.get('error') || !code)
      throw new SignInError(
        'access_denied',
        `the sign-in was refused: ${params.get('error') ?? 'no code'} ${params.get('error_description') ?? ''}`.trim(),
      );
    const tokens = await exchangeAuthorization(issuer, {
      metadata,
      clientInformation: provider.client!,
      authorizationCode: code,
      iss,
      codeVerifier: provider.codeVerifier(),
      redirectUri: callback.redirectUri,
      resource: provider.resource ? new URL(provider.resource) : undefined,
      fetchFn: timed,
    }).catch((err: unknown) => Promise.reject(signInError('the token endpoint', err)));
    return {
      accessToken: tokens.access_token,
      tokens,
      issuer,
      resource: provider.resource,
      clientId: provider.client!.client_id,
    };
  } finally {
    callback.close();
  }
}
