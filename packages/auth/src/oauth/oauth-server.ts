import Router from '@koa/router';
import type Koa from 'koa';
import OAuth2Server from '@node-oauth/oauth2-server';
import { jsonBody, publicOrigin } from '@repo/http';
import { MemoryStore, type Store } from '@repo/store';
import type { Principal } from '../http-auth';
import { authorizeEndpoint, type UserDirectory } from './authorize-endpoint';
import { checkClient } from './check-client';
import { Clients } from './clients';
import { CodeGrant, RefreshGrant } from './code-grant';
import { CsrfGuard } from './csrf';
import { sharedCsrfKey } from './csrf-key';
import {
  AS_METADATA_PATH,
  PRM_PATH,
  authorizationServerMetadata,
  protectedResourceMetadata,
} from './metadata';
import { oauthModel, type GrantUser, type OAuthClient } from './oauth-model';
import { registrationEndpoint } from './registration-endpoint';
import { resourceGuard } from './resource-guard';
import { DEFAULT_SIGN_IN_LIMITS, signInLimiter, type SignInLimits } from './sign-in-limits';
import { StoreOAuthStore } from './store-oauth-store';
import { tokenEndpoint } from './token-endpoint';

export const AUTHORIZE_PATH = '/oauth/authorize';
export const TOKEN_PATH = '/oauth/token';
export const REGISTER_PATH = '/oauth/register';

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
  /** The path of the protected resource MCP clients get tokens for (RFC 8707, RFC 9728). */
  resourcePath?: string;
  /** Dynamic registration bounds: per address and hour (20), unused lifetime in seconds (1 day). */
  registration?: { perAddressPerHour?: number; unusedSeconds?: number };
}

/**
 * An OAuth 2.0 authorization server (RFC 6749 authorization-code grant, PKCE S256, rotating
 * refresh tokens) on @node-oauth/oauth2-server, for one pre-registered confidential client and
 * the public clients that register (RFC 7591), with its metadata (RFC 8414), the metadata of
 * the resource it protects (RFC 9728), resource-bound tokens (RFC 8707) and `iss` (RFC 9207).
 * Returns the router of its endpoints, the check of its access tokens for `requireAuth`, and
 * the guard of the protected resource. Rejects on an invalid client, or when the store cannot
 * be read.
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
  const resourcePath = options.resourcePath ?? '/mcp';
  const clients = new Clients(client, shared, options.keyPrefix, {
    unusedTtlMs: (options.registration?.unusedSeconds ?? 24 * 3600) * 1000,
    usedTtlMs: lifetimes.refresh * 1000,
  });
  const scopeNames = Object.keys(scopes);
  const model = oauthModel({ clients, store, scopes: scopeNames, now, lifetimes });
  const server = new OAuth2Server({
    model,
    authorizationCodeLifetime: lifetimes.code,
    accessTokenLifetime: lifetimes.access,
    refreshTokenLifetime: lifetimes.refresh,
    allowEmptyState: false,
    alwaysIssueNewRefreshToken: true,
    // A public client refreshes with its id alone; the token endpoint still demands the
    // confidential client's secret before the library sees the request.
    requireClientAuthentication: { refresh_token: false },
    // The typings want an AbstractGrantType; CodeGrant is the library's own grant, subclassed.
    extendedGrantTypes: {
      authorization_code: CodeGrant as unknown as typeof OAuth2Server.AbstractGrantType,
      refresh_token: RefreshGrant as unknown as typeof OAuth2Server.AbstractGrantType,
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
    clients,
    users,
    scopes,
    csrf,
    limiter: signInLimiter(shared, options.keyPrefix, limits),
    appName,
    action: AUTHORIZE_PATH,
    publicBaseUrl: options.publicBaseUrl,
    resourcePaths: [resourcePath],
  });
  const origin = (ctx: Koa.Context) => publicOrigin(ctx, options.publicBaseUrl);
  const paths = { authorize: AUTHORIZE_PATH, token: TOKEN_PATH, register: REGISTER_PATH };
  const resourceMetadata = (ctx: Koa.Context) => {
    ctx.body = protectedResourceMetadata(origin(ctx), resourcePath, scopeNames);
  };

  const router = new Router();
  router.get(AUTHORIZE_PATH, authorize.show);
  router.post(AUTHORIZE_PATH, jsonBody({ form: true }), authorize.decide);
  router.post(TOKEN_PATH, tokenEndpoint(server, clients));
  router.post(
    REGISTER_PATH,
    registrationEndpoint({
      clients,
      store: shared,
      keyPrefix: options.keyPrefix,
      perAddressPerHour: options.registration?.perAddressPerHour ?? 20,
    }),
  );
  router.get(AS_METADATA_PATH, (ctx) => {
    ctx.body = authorizationServerMetadata(origin(ctx), paths, scopeNames);
  });
  // RFC 9728 §3.1: path-aware for the resource at `resourcePath`, and at the root as well.
  router.get(PRM_PATH + resourcePath, resourceMetadata);
  router.get(PRM_PATH, resourceMetadata);
  const verifyAccessToken = async (token: string): Promise<Principal | undefined> => {
    const found = await model.getAccessToken(token);
    if (!found) return undefined;
    const user = found.user as GrantUser;
    return { user: user.username, scope: found.scope ?? [], resource: user.resource };
  };

  return {
    router,
    store,
    /** Resolves an access token to its user, scopes and resource, or `undefined` (unknown, expired, revoked). */
    verifyAccessToken,
    /** The bearer check of the protected resource (`/mcp`), with the scopes each tool needs. */
    resourceGuard: (toolScopes: Record<string, string[]>) =>
      resourceGuard({
        path: resourcePath,
        verify: verifyAccessToken,
        scopes: scopeNames,
        toolScopes,
        publicBaseUrl: options.publicBaseUrl,
      }),
  };
}
