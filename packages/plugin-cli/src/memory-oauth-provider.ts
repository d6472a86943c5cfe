import { randomBytes } from 'node:crypto';
import type {
  OAuthClientMetadata,
  OAuthClientProvider,
  OAuthDiscoveryState,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from '@modelcontextprotocol/client';

/**
 * The official client's `OAuthClientProvider` for one sign-in of a command-line client: a
 * public client (no secret) on a loopback redirect URI, whose registration, PKCE verifier and
 * tokens live in memory only and are gone when the process ends.
 */
export class MemoryOAuthProvider implements OAuthClientProvider {
  /** The `state` sent with the authorization request (RFC 6749 §10.12). */
  readonly stateValue = randomBytes(16).toString('base64url');
  client: StoredOAuthClientInformation | undefined;
  saved: StoredOAuthTokens | undefined;
  resource: string | undefined;
  /** Where `auth()` sends the user; the caller opens it once it listens for the callback. */
  authorizationUrl: string | undefined;
  private verifier = '';

  constructor(
    readonly redirectUrl: string,
    private discovery: OAuthDiscoveryState,
  ) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'ai-plugins CLI',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none', // a public client: PKCE instead of a secret
    };
  }
  state = () => this.stateValue;
  clientInformation = () => this.client;
  saveClientInformation = (client: StoredOAuthClientInformation) => void (this.client = client);
  tokens = () => this.saved;
  saveTokens = (tokens: StoredOAuthTokens) => void (this.saved = tokens);
  saveCodeVerifier = (verifier: string) => void (this.verifier = verifier);
  codeVerifier = () => this.verifier;
  saveResourceUrl = (resource: string) => void (this.resource = resource);
  discoveryState = () => this.discovery;
  saveDiscoveryState = (state: OAuthDiscoveryState) => void (this.discovery = state);
  redirectToAuthorization = (url: URL) => void (this.authorizationUrl = url.href);
}
