import { createHash, randomBytes } from 'node:crypto';
import { listenForCallback } from './loopback-callback';

export interface OAuthFlowOptions {
  /** The manifest's `client_url` (authorization endpoint) and `authorization_url` (token endpoint). */
  clientUrl: string;
  tokenUrl: string;
  contentType: string;
  scope: string;
  clientId: string;
  clientSecret: string;
  /** A loopback callback registered with the plugin; default http://127.0.0.1:<free port>/callback. */
  redirectUri?: string | undefined;
  /** Where to show the sign-in URL (a person opens it; a test follows it). */
  onAuthorizeUrl(url: string): void;
  timeoutMs?: number;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Runs the OAuth 2.0 authorization-code flow as a plugin host does (RFC 6749 §4.1, with PKCE
 * S256 from RFC 7636): listens for the callback on loopback, checks `state`, exchanges the code,
 * and resolves to the access token. Rejects on an error, a state mismatch or a timeout.
 */
export async function runOAuthFlow(options: OAuthFlowOptions): Promise<string> {
  const state = base64url(randomBytes(16));
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const callback = await listenForCallback(options.redirectUri);
  const redirectUri = callback.redirectUri;
  try {
    const authorize = new URL(options.clientUrl);
    const query = {
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: redirectUri,
      scope: options.scope,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(query)) authorize.searchParams.set(key, value);
    options.onAuthorizeUrl(authorize.href);
    const params = await callback.wait(state, { timeoutMs: options.timeoutMs ?? 300_000 });
    if (params.get('error'))
      throw new Error(
        `authorization failed: ${params.get('error')} ${params.get('error_description') ?? ''}`.trim(),
      );
    const fields = {
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code_verifier: verifier,
    };
    const json = options.contentType === 'application/json';
    const res = await fetch(options.tokenUrl, {
      method: 'POST',
      headers: {
        'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token) {
      throw new Error(
        `the token endpoint answered ${res.status}: ${body.error ?? 'no access_token'} ${body.error_description ?? ''}`.trim(),
      );
    }
    return body.access_token;
  } finally {
    callback.close();
  }
}
