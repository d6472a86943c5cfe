import {
  IssuerMismatchError,
  OAuthError,
  RegistrationRejectedError,
} from '@modelcontextprotocol/client';

/** What went wrong in an MCP sign-in, for a caller that acts on it (the CLI prints the message). */
export type SignInFailure =
  | 'no_challenge' // the MCP URL did not answer 401
  | 'no_metadata' // no protected resource or authorization server metadata
  | 'no_pkce' // the authorization server does not offer PKCE S256
  | 'resource_mismatch' // the metadata's `resource` does not cover the MCP URL
  | 'issuer_mismatch' // RFC 8414 §3.3 metadata issuer, or RFC 9207 `iss` in the callback
  | 'registration_refused' // RFC 7591 dynamic registration answered an error
  | 'state_mismatch'
  | 'access_denied' // the authorization server sent the user back with an `error`
  | 'token_refused' // the token endpoint answered an error
  | 'timeout'
  | 'aborted';

/** A failed MCP sign-in: `code` says which step failed, the message says what to check. */
export class SignInError extends Error {
  constructor(
    readonly code: SignInFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignInError';
  }
}

/** An error of the official client as the step of the sign-in that failed. */
export function signInError(step: string, err: unknown): SignInError {
  const why = (err as Error).message;
  if (err instanceof SignInError) return err;
  if (err instanceof IssuerMismatchError)
    return new SignInError('issuer_mismatch', `${step}: ${why}`, { cause: err });
  if (err instanceof RegistrationRejectedError)
    return new SignInError(
      'registration_refused',
      `client registration (RFC 7591) refused with ${err.status}: ${err.body}`,
      { cause: err },
    );
  if (err instanceof OAuthError)
    return new SignInError('token_refused', `${step}: ${err.code} ${why}`.trim(), { cause: err });
  if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError')
    return new SignInError('timeout', `${step}: no answer in time`, { cause: err });
  return new SignInError('no_metadata', `${step}: ${why}`, { cause: err });
}
