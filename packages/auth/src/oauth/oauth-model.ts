import { randomUUID } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import { safeEqual, sha256Hex } from '../safe-equal';
import type { Clients, KnownClient } from './clients';
import type { GrantRecord, OAuthStore, SecretKind, SingleUseKind } from './oauth-store';

/** The pre-registered confidential client: the plugin host. */
export interface OAuthClient {
  id: string;
  secret: string;
  /** Exact redirect URIs; nothing else is ever redirected to. */
  redirectUris: string[];
  /** What the consent page calls it. */
  name?: string;
}

/**
 * The `user` the library carries between model calls. It is opaque to the library and handed
 * back as given, so it also carries the grant id: tokens minted by a refresh stay in the family
 * of the consent they descend from.
 */
export interface GrantUser {
  username: string;
  grantId?: string;
  /** The RFC 8707 resource the grant is for, when the client named one. */
  resource?: string;
}

export interface ModelOptions {
  clients: Clients;
  store: OAuthStore;
  /** The scopes a client may ask for; asking for none grants all of them. */
  scopes: string[];
  /** The clock the store checks expiry by; every expiry is set by it too. */
  now: () => number;
  /** Lifetimes in seconds, as the library was given them. */
  lifetimes: { code: number; access: number; refresh: number };
}

type Model = OAuth2Server.AuthorizationCodeModel & OAuth2Server.RefreshTokenModel;
const GRANTS = ['authorization_code', 'refresh_token'];
const grantUser = (record: GrantRecord): GrantUser => ({
  username: record.username,
  grantId: record.grantId,
  ...(record.resource !== undefined && { resource: record.resource }),
});
// The library only compares a record's client id with the authenticated client's.
const clientOf = (record: GrantRecord): OAuth2Server.Client => ({
  id: record.clientId,
  grants: GRANTS,
});
const libClientOf = (client: KnownClient): OAuth2Server.Client => ({
  id: client.id,
  redirectUris: client.redirectUris,
  grants: GRANTS,
});

/**
 * The @node-oauth/oauth2-server model over an `OAuthStore`. Secrets are hashed before they
 * reach the store; a replayed code or refresh token revokes its whole grant (RFC 6749 §4.1.2,
 * RFC 9700 §4.14.2).
 */
export function oauthModel({ clients, store, scopes, now, lifetimes }: ModelOptions): Model {
  // Expiry is set by the same clock that checks it, not by the library's wall clock.
  const expiry = (seconds: number) => now() + seconds * 1000;

  // Finds a live record; a spent code or refresh token is a replay, so its grant is revoked.
  async function live(kind: SecretKind, secret: string): Promise<GrantRecord | undefined> {
    const found = await store.find(kind, sha256Hex(secret));
    if (!found) return undefined;
    if (!found.spent) return found.record;
    await store.revokeGrant(found.record.grantId);
    return undefined;
  }

  // A registered client that was issued something lives on as long as what it was issued.
  async function touch(id: string) {
    const client = await clients.find(id);
    if (client) await clients.touch(client);
  }

  // Spends a code or refresh token that was live when it was looked up. Losing the spend means
  // another request (on any instance) used it in between: that is a replay as well, so the grant
  // is revoked, exactly as when the second use comes later.
  async function spendOnce(kind: SingleUseKind, secret: string, user: GrantUser): Promise<boolean> {
    if (await store.spend(kind, sha256Hex(secret))) return true;
    if (user.grantId) await store.revokeGrant(user.grantId);
    return false;
  }

  return {
    async getClient(id, secret) {
      const client = await clients.find(id);
      if (!client) return null;
      // `null` is the authorization endpoint asking who the client is. At the token endpoint a
      // public client sends no secret (RFC 7591 `none`), a confidential one exactly its own.
      if (secret === null) return libClientOf(client);
      if (client.public) return secret === undefined ? libClientOf(client) : null;
      if (typeof secret !== 'string' || !safeEqual(secret, client.secret ?? '')) return null;
      return libClientOf(client);
    },

    async saveAuthorizationCode(code, libClientArg, user: GrantUser) {
      const record: GrantRecord = {
        grantId: randomUUID(),
        clientId: libClientArg.id,
        username: user.username,
        scope: code.scope ?? [],
        expiresAt: expiry(lifetimes.code),
        redirectUri: code.redirectUri,
      };
      if (code.codeChallenge) record.codeChallenge = code.codeChallenge;
      if (code.codeChallengeMethod) record.codeChallengeMethod = code.codeChallengeMethod;
      if (user.resource !== undefined) record.resource = user.resource;
      await store.save('code', sha256Hex(code.authorizationCode), record);
      await touch(libClientArg.id);
      return { ...code, client: libClientArg, user };
    },

    async getAuthorizationCode(code) {
      const record = await live('code', code);
      if (!record) return null;
      return {
        authorizationCode: code,
        expiresAt: new Date(record.expiresAt),
        redirectUri: record.redirectUri!,
        scope: record.scope,
        codeChallenge: record.codeChallenge,
        codeChallengeMethod: record.codeChallengeMethod,
        client: clientOf(record),
        user: grantUser(record),
      };
    },

    async revokeAuthorizationCode(code) {
      return spendOnce('code', code.authorizationCode, code.user as GrantUser);
    },

    async saveToken(token, libClientArg, user: GrantUser) {
      const grant = {
        grantId: user.grantId ?? randomUUID(),
        clientId: libClientArg.id,
        username: user.username,
        scope: token.scope ?? [],
        ...(user.resource !== undefined && { resource: user.resource }),
      };
      const access = { ...grant, expiresAt: expiry(lifetimes.access) };
      await store.save('access', sha256Hex(token.accessToken), access);
      if (token.refreshToken) {
        const refresh = { ...grant, expiresAt: expiry(lifetimes.refresh) };
        await store.save('refresh', sha256Hex(token.refreshToken), refresh);
      }
      await touch(libClientArg.id);
      return { ...token, client: libClientArg, user };
    },

    async getAccessToken(accessToken) {
      const record = await live('access', accessToken);
      if (!record) return null;
      return {
        accessToken,
        accessTokenExpiresAt: new Date(record.expiresAt),
        scope: record.scope,
        client: clientOf(record),
        user: grantUser(record),
      };
    },

    async getRefreshToken(refreshToken) {
      const record = await live('refresh', refreshToken);
      if (!record) return null;
      return {
        refreshToken,
        refreshTokenExpiresAt: new Date(record.expiresAt),
        scope: record.scope,
        client: clientOf(record),
        user: grantUser(record),
      };
    },

    async revokeToken(token) {
      return spendOnce('refresh', token.refreshToken, token.user as GrantUser);
    },

    async validateScope(_user, _client, requested) {
      if (!requested || requested.length === 0) return [...scopes];
      return requested.every((scope) => scopes.includes(scope)) ? requested : false;
    },

    async verifyScope(token, required) {
      return required.every((scope) => token.scope?.includes(scope) ?? false);
    },
  };
}
