import { PLACEHOLDER } from '@repo/http';
import {
  AUTHORIZE_PATH,
  TOKEN_PATH,
  createOAuthServer,
  type AuthConfig,
  type OAuthClient,
  type OAuthServerOptions,
} from '@repo/auth';
import type { Store } from '@repo/store';
import { demoUsers } from './demo-users';

export interface OAuthOptions {
  client: OAuthClient;
  /** Demo users: name → password. */
  users: ReadonlyMap<string, string>;
  verificationToken: string;
  /** The clock codes and tokens expire by (tests move it). */
  now?: () => number;
  /** When https, the sign-in form's cookie is `Secure` even if the TLS proxy is not trusted. */
  publicBaseUrl?: string | undefined;
  /** Wrong passwords allowed per user name and per address; `@repo/auth`'s defaults unless given. */
  signInLimits?: OAuthServerOptions['signInLimits'];
}

/** The first part of every key this app writes: `todo-oauth:todos:<user>`, `todo-oauth:oauth:…`. */
export const KEY_PREFIX = 'todo-oauth';

/** The scopes, and what each lets a client do, in the words the consent page shows. The spec's
 * operations name the one each needs (`security`); a client that asks for none gets both. */
export const SCOPES = {
  'todos:read': 'See your to-do list',
  'todos:write': 'Add todos to your list and delete them',
};

/**
 * The authorization server, and the auth config that both the API's token check and the
 * manifest's `auth` block are built from: its endpoints are the manifest's `client_url` and
 * `authorization_url`, and its access tokens are what the check verifies. The same server
 * serves MCP hosts: metadata, registration, tokens bound to `/mcp`, and `/mcp`'s own check. Codes, tokens and the
 * CSRF key live in `store`, so every instance on it accepts what another issued.
 */
export async function todoAuth(options: OAuthOptions & { store: Store }) {
  const oauth = await createOAuthServer({
    appName: 'TODO List (OAuth)',
    client: options.client,
    users: demoUsers(options.users),
    scopes: SCOPES,
    store: options.store,
    keyPrefix: KEY_PREFIX,
    now: options.now,
    publicBaseUrl: options.publicBaseUrl,
    signInLimits: options.signInLimits,
  });
  const config: AuthConfig = {
    type: 'oauth',
    authorizeUrl: PLACEHOLDER + AUTHORIZE_PATH,
    tokenUrl: PLACEHOLDER + TOKEN_PATH,
    scope: Object.keys(SCOPES).join(' '),
    // The host sent its token request as JSON; the endpoint takes forms as well.
    tokenContentType: 'application/json',
    verificationTokens: { openai: options.verificationToken },
    verify: oauth.verifyAccessToken,
    realm: 'todo-oauth',
  };
  return { router: oauth.router, config, mcpAuth: oauth.resourceGuard };
}
