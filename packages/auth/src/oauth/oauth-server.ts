import Router from '@koa/router';
import OAuth2Server from '@node-oauth/oauth2-server';
import { jsonBody } from '@repo/http';
import type { Principal } from '../http-auth';
import { authorizeEndpoint, type UserDirectory } from './authorize-endpoint';
import { CodeGrant } from './code-grant';
import { checkClient } from './check-client';
import { CsrfGuard } from './csrf';
import { oauthModel, type GrantUser, type OAuthClient } from './oauth-model';
import { MemoryOAuthStore, type OAuthStore } from './oauth-store';
import { tokenEndpoint } from './token-endpoint';

export const AUTHORIZE_PATH = '/oauth/authorize';
export const TOKEN_PATH = '/oauth/token';

export interface OAuthServerOptions {
  /** Shown on the sign-in page. */
  appName: string;
  client: OAuthClient;
  users: UserDirectory;
  /** Each scope's name, and what it lets the client do in words for the consent page. */
  scopes: Record<string, string>;
  store?: OAuthStore;
  /** The clock every expiry is checked against (tests move it). */
  now?: () => number;
  /** The CSRF HMAC key; random per process by default. */
  csrfSecret?: Buffer;
  /** Lifetimes in seconds: codes 5 minutes, access tokens 1 hour, refresh tokens 14 days. */
  lifetimes?: { code?: number; access?: number; refresh?: number };
}

/**
 * An OAuth 2.0 authorization server (RFC 6749 authorization-code grant, PKCE S256, rotating
 * refresh tokens) for one client, on @node-oauth/oauth2-server. Returns the router of its two
 * endpoints and the check of its access tokens for `requireAuth`. Throws at construction on an
 * invalid client.
 * @example const oauth = createOAuthServer({ appName, client, users, scopes: { todos: '…' } })
 */
export function createOAuthServer(options: OAuthServerOptions) {
  const { client, users, scopes, appName } = options;
  checkClient(client);
  if (Object.keys(scopes).length === 0) throw new Error('`scopes` must name at least one scope');
  const now = options.now ?? Date.now;
  const store = options.store ?? new MemoryOAuthStore({ now });
  const lifetimes = { code: 300, access: 3600, refresh: 14 * 24 * 3600, ...options.lifetimes };
  const model = oauthModel({ client, store, scopes: Object.keys(scopes), now, lifetimes });
  const server = new OAuth2Server({
    model,
    authorizationCodeLifetime: lifetimes.code,
    accessTokenLifetime: lifetimes.access,
    refreshTokenLifetime: lifetimes.refresh,
    allowEmptyState: false,
    alwaysIssueNewRefreshToken: true,
    // The typings want an AbstractGrantType; CodeGrant is the library's own grant, subclassed.
    extendedGrantTypes: {
      authorization_code: CodeGrant as unknown as typeof OAuth2Server.AbstractGrantType,
    },
  });
  const csrf = new CsrfGuard({ secret: options.csrfSecret, path: AUTHORIZE_PATH, now });
  const authorize = authorizeEndpoint({
    server,
    client,
    users,
    scopes,
    csrf,
    appName,
    action: AUTHORIZE_PATH,
  });

  const router = new Router();
  router.get(AUTHORIZE_PATH, authorize.show);
  router.post(AUTHORIZE_PATH, jsonBody({ form: true }), authorize.decide);
  router.post(TOKEN_PATH, tokenEndpoint(server));

  return {
    router,
    store,
    /** Resolves an access token to its user and scopes, or `undefined` (unknown, expired, revoked). */
    async verifyAccessToken(token: string): Promise<Principal | undefined> {
      const found = await model.getAccessToken(token);
      if (!found) return undefined;
      return { user: (found.user as GrantUser).username, scope: found.scope ?? [] };
    },
  };
}
