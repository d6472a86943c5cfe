import Router from '@koa/router';
import OAuth2Server from '@node-oauth/oauth2-server';
import { jsonBody } from '@repo/http';
import { MemoryStore, type Store } from '@repo/store';
import type { Principal } from '../http-auth';
import { authorizeEndpoint, type UserDirectory } from './authorize-endpoint';
import { CodeGrant } from './code-grant';
import { checkClient } from './check-client';
import { CsrfGuard } from './csrf';
import { sharedCsrfKey } from './csrf-key';
import { oauthModel, type GrantUser, type OAuthClient } from './oauth-model';
import { DEFAULT_SIGN_IN_LIMITS, signInLimiter, type SignInLimits } from './sign-in-limits';
import { StoreOAuthStore } from './store-oauth-store';
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
  /** Where codes, tokens and the CSRF key live; in memory unless given (lost on exit). */
  store?: Store;
  /** The first part of every key this server writes, the app's name: `<keyPrefix>:oauth:…`. */
  keyPrefix: string;
  /** The clock every expiry is checked against (tests move it). */
  now?: () => number;
  /** The CSRF HMAC key; by default one kept in `store`, shared by every instance on it. */
  csrfSecret?: Buffer;
  /** The app's public base URL; when it is https, the sign-in form's cookie is always `Secure`. */
  publicBaseUrl?: string | undefined;
  /** Wrong passwords the sign-in form takes per user name and per address (default 10 and 50 in 15 minutes). */
  signInLimits?: Partial<SignInLimits>;
  /** Lifetimes in seconds: codes 5 minutes, access tokens 1 hour, refresh tokens 14 days. */
  lifetimes?: { code?: number; access?: number; refresh?: number };
}

/**
 * An OAuth 2.0 authorization server (RFC 6749 authorization-code grant, PKCE S256, rotating
 * refresh tokens) for one client, on @node-oauth/oauth2-server. Returns the router of its two
 * endpoints and the check of its access tokens for `requireAuth`. Rejects on an invalid client,
 * or when the store cannot be read.
 * @example
 * const oauth = await createOAuthServer({ appName, client, users, scopes, store, keyPrefix: 'todo-oauth' });
 */
export async function createOAuthServer(options: OAuthServerOptions) {
  const { client, users, scopes, appName } = options;
  checkClient(client);
  if (Object.keys(scopes).length === 0) throw new Error('`scopes` must name at least one scope');
  const now = options.now ?? Date.now;
  const shared = options.store ?? new MemoryStore();
  const lifetimes = { code: 300, access: 3600, refresh: 14 * 24 * 3600, ...options.lifetimes };
  const longestLifetimeMs = Math.max(...Object.values(lifetimes)) * 1000;
  const store = new StoreOAuthStore(shared, { prefix: options.keyPrefix, longestLifetimeMs, now });
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
  // Shared, so that a form one instance showed is accepted by the one the balancer posts it to.
  const csrfSecret = options.csrfSecret ?? (await sharedCsrfKey(shared, options.keyPrefix));
  const csrf = new CsrfGuard({
    secret: csrfSecret,
    path: AUTHORIZE_PATH,
    now,
    secureCookie: options.publicBaseUrl?.startsWith('https://') ?? false,
  });
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...options.signInLimits };
  const authorize = authorizeEndpoint({
    server,
    client,
    users,
    scopes,
    csrf,
    limiter: signInLimiter(shared, options.keyPrefix, limits),
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
