/** The three secrets an authorization server hands out. */
export type SecretKind = 'code' | 'access' | 'refresh';

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
  /** Codes only: the redirect the code was issued to, and the PKCE challenge if one was sent. */
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

/** A record as found: `spent` once a code was redeemed or a refresh token rotated. */
export interface FoundRecord {
  record: GrantRecord;
  spent: boolean;
}

/**
 * Where codes and tokens live, keyed by the SHA-256 of the secret: the store never sees a
 * secret, so a leaked store leaks no usable token. Async so that a durable or shared store can
 * replace the in-memory one. Expired records are never returned.
 */
export interface OAuthStore {
  save(kind: SecretKind, key: string, record: GrantRecord): Promise<void>;
  find(kind: SecretKind, key: string): Promise<FoundRecord | undefined>;
  /** Marks a record spent; resolves `true` for the first caller only (single use). */
  spend(kind: SecretKind, key: string): Promise<boolean>;
  /** Deletes every code and token of a grant; resolves to how many there were. */
  revokeGrant(grantId: string): Promise<number>;
}

/** An `OAuthStore` in process memory: restarting the process signs every user out. */
export class MemoryOAuthStore implements OAuthStore {
  readonly #records = new Map<string, FoundRecord>();
  readonly #now: () => number;
  #writes = 0;

  constructor(options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
  }

  async save(kind: SecretKind, key: string, record: GrantRecord): Promise<void> {
    // Sweep now and then, so codes that were never redeemed do not pile up.
    if (++this.#writes % 256 === 0) this.#sweep();
    this.#records.set(`${kind}:${key}`, { record: { ...record }, spent: false });
  }

  async find(kind: SecretKind, key: string): Promise<FoundRecord | undefined> {
    const id = `${kind}:${key}`;
    const found = this.#records.get(id);
    if (!found) return undefined;
    if (found.record.expiresAt <= this.#now()) {
      this.#records.delete(id);
      return undefined;
    }
    return { record: { ...found.record }, spent: found.spent };
  }

  async spend(kind: SecretKind, key: string): Promise<boolean> {
    const found = this.#records.get(`${kind}:${key}`);
    if (!found || found.spent || found.record.expiresAt <= this.#now()) return false;
    found.spent = true;
    return true;
  }

  async revokeGrant(grantId: string): Promise<number> {
    let count = 0;
    for (const [id, found] of this.#records) {
      if (found.record.grantId === grantId) {
        this.#records.delete(id);
        count += 1;
      }
    }
    return count;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [id, found] of this.#records) {
      if (found.record.expiresAt <= now) this.#records.delete(id);
    }
  }
}
