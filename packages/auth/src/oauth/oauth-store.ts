/** The three secrets an authorization server hands out. */
export type SecretKind = 'code' | 'access' | 'refresh';

/** The secrets that work once: a code is redeemed, a refresh token rotated. */
export type SingleUseKind = Exclude<SecretKind, 'access'>;

/**
 * What the server remembers about one code or token. Every code and token descends from one
 * consent, its grant: when a code or a refresh token is replayed, the whole grant is revoked.
 */
export interface GrantRecord {
  grantId: string;
  clientId: string;
  username: string;
  scope: string[];
  /** Milliseconds since the epoch. */
  expiresAt: number;
  /** The RFC 8707 resource the grant is bound to, when the client named one. */
  resource?: string;
  /** Codes only: the redirect the code was issued to, and the PKCE challenge if one was sent. */
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/** A record as found: `spent` once a code was redeemed or a refresh token rotated (never for access). */
export interface FoundRecord {
  record: GrantRecord;
  spent: boolean;
}

/**
 * Where codes and tokens live, keyed by the SHA-256 of the secret: the store never sees a
 * secret, so a leaked store leaks no usable token. Expired records, and those of a revoked
 * grant, are never returned. `StoreOAuthStore` is the implementation.
 */
export interface OAuthStore {
  save(kind: SecretKind, key: string, record: GrantRecord): Promise<void>;
  find(kind: SecretKind, key: string): Promise<FoundRecord | undefined>;
  /** Marks a code or refresh token spent; resolves `true` for the first caller only (single use). */
  spend(kind: SingleUseKind, key: string): Promise<boolean>;
  /** Revokes every code and token of a grant, those issued so far and any issued later. */
  revokeGrant(grantId: string): Promise<void>;
}
