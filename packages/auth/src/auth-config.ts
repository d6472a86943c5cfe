import type { ManifestAuth } from '@repo/manifest';
import type { HttpScheme } from './credentials';
import type { VerifyCredential } from './http-auth';

/** The manifest's `verification_tokens`: what each host issued for this plugin. */
export type VerificationTokens = Record<string, string>;

/**
 * How a plugin authenticates the host's calls. One value drives both the check on every API
 * request (`requireAuth`) and the manifest's `auth` block (`manifestAuth`), so the two cannot
 * disagree. Secrets live here and never reach the manifest.
 */
export type AuthConfig =
  | { type: 'none' }
  | {
      /** One token for the whole service, set in the host's UI when the plugin is installed. */
      type: 'service_http';
      scheme: HttpScheme;
      /** The secret the host sends: the bearer token, or `user:password` for basic. */
      token: string;
      verificationTokens: VerificationTokens;
      realm?: string;
    }
  | {
      /** Each user enters their own credential in the host; `verify` says whose it is. */
      type: 'user_http';
      scheme: HttpScheme;
      verify: VerifyCredential;
      realm?: string;
    }
  | {
      /** OAuth 2.0: the host runs the authorization-code flow and sends the access token. */
      type: 'oauth';
      /** The authorization endpoint (the manifest's `client_url`). */
      authorizeUrl: string;
      /** The token endpoint (the manifest's `authorization_url`). */
      tokenUrl: string;
      scope: string;
      /** How the host sends the token request; the endpoint accepts both either way. */
      tokenContentType: 'application/json' | 'application/x-www-form-urlencoded';
      verificationTokens: VerificationTokens;
      /** Resolves an access token to its user. */
      verify: VerifyCredential;
      realm?: string;
    };

/**
 * The manifest `auth` block that announces `config` to hosts: the same scheme the check
 * enforces, the verification tokens, never the secret. Throws on an unknown type.
 */
export function manifestAuth(config: AuthConfig): ManifestAuth {
  switch (config.type) {
    case 'none':
      return { type: 'none' };
    case 'service_http':
      return {
        type: 'service_http',
        authorization_type: config.scheme,
        verification_tokens: { ...config.verificationTokens },
      };
    case 'user_http':
      return { type: 'user_http', authorization_type: config.scheme };
    case 'oauth':
      return {
        type: 'oauth',
        client_url: config.authorizeUrl,
        scope: config.scope,
        authorization_url: config.tokenUrl,
        authorization_content_type: config.tokenContentType,
        verification_tokens: { ...config.verificationTokens },
      };
    default:
      throw new Error(`unsupported auth type \`${String((config as { type: unknown }).type)}\``);
  }
}
