import type { Store } from '@repo/store';
import type {
  FoundRecord,
  GrantRecord,
  OAuthStore,
  SecretKind,
  SingleUseKind,
} from './oauth-store';

/**
 * How much longer an `unspent` marker lives than its record. The marker is written first and the
 * record after it, and another instance may read a clock a little behind: a marker gone while its
 * record is still live would read as spent, a replay, and revoke the grant.
 */
export const MARKER_SLACK_MS = 60_000;

const singleUse = (kind: SecretKind): kind is SingleUseKind => kind !== 'access';

/** Options of a `StoreOAuthStore`. */
export interface StoreOAuthStoreOptions {
  /** The first part of every key, the app's name: `<prefix>:oauth:…`. */
  prefix: string;
  /** How long a revoked grant is remembered: the longest any code or token of it lives. */
  longestLifetimeMs: number;
  /** The clock `expiresAt` is checked against (tests move it). */
  now?: () => number;
}

/**
 * An `OAuthStore` over a `Store` (memory, SQLite or Redis), so codes and tokens survive a
 * restart and every instance on one store sees the same ones. Keys are SHA-256 hashes already;
 * the secrets themselves never reach it.
 *
 * - A record is a JSON value that expires with it (`ttlMs` to its `expiresAt`), so nothing piles
 *   up; `expiresAt` is still checked against `now`, which a test may move ahead of the store's clock.
 * - Single use (codes and refresh tokens; an access token is used many times and has none) is an
 *   `unspent` marker beside the record, consumed with `take`: of any number of instances spending
 *   one code at once, exactly one gets the marker (the store makes `take` atomic). The record
 *   stays, spent, so a replay can still be traced to its grant. The marker outlives its record
 *   by `MARKER_SLACK_MS`, so it is never gone while the record is live unless it was spent.
 * - Revoking a grant writes one `revoked` marker that `find` checks, rather than deleting the
 *   grant's records: finding those would need an index of every grant's codes and tokens, and the
 *   `Store` has no expiring sets to keep one bounded. The marker lives as long as the longest
 *   lifetime, so it outlives every record the grant had when it was revoked.
 * @example
 * const oauthStore = new StoreOAuthStore(store, { prefix: 'todo-oauth', longestLifetimeMs: 14 * 86_400_000 });
 */
export class StoreOAuthStore implements OAuthStore {
  readonly #store: Store;
  readonly #prefix: string;
  readonly #longestLifetimeMs: number;
  readonly #now: () => number;

  constructor(store: Store, options: StoreOAuthStoreOptions) {
    if (!/^[a-z0-9-]+$/.test(options.prefix))
      throw new TypeError('`prefix` must be lowercase letters, digits and dashes');
    if (!Number.isSafeInteger(options.longestLifetimeMs) || options.longestLifetimeMs < 1)
      throw new TypeError('`longestLifetimeMs` must be a whole number of milliseconds, 1 or more');
    this.#store = store;
    this.#prefix = `${options.prefix}:oauth`;
    this.#longestLifetimeMs = options.longestLifetimeMs;
    this.#now = options.now ?? Date.now;
  }

  async save(kind: SecretKind, key: string, record: GrantRecord): Promise<void> {
    const ttlMs = Math.ceil(record.expiresAt - this.#now());
    if (!(ttlMs > 0)) return; // expired already: there is nothing to remember
    // The marker first: a crash between the two writes leaves a marker without a record, which
    // is never found, rather than a record without a marker, which would look spent.
    if (singleUse(kind))
      await this.#store.put(this.#unspent(kind, key), '1', { ttlMs: ttlMs + MARKER_SLACK_MS });
    await this.#store.put(this.#record(kind, key), JSON.stringify(record), { ttlMs });
    // A token minted while its grant was being revoked (a refresh racing a replay elsewhere) may
    // expire after the marker does; checked after the write, so one of the two always sees the other.
    if (await this.#isRevoked(record.grantId)) await this.#forget(kind, key);
  }

  async find(kind: SecretKind, key: string): Promise<FoundRecord | undefined> {
    const json = await this.#store.get(this.#record(kind, key));
    if (json === undefined) return undefined;
    const record = JSON.parse(json) as GrantRecord;
    if (record.expiresAt <= this.#now()) return undefined;
    const [revoked, spent] = await Promise.all([
      this.#isRevoked(record.grantId),
      singleUse(kind) && this.#isSpent(kind, key),
    ]);
    return revoked ? undefined : { record, spent };
  }

  async spend(kind: SingleUseKind, key: string): Promise<boolean> {
    const found = await this.find(kind, key);
    if (!found || found.spent) return false;
    return (await this.#store.take(this.#unspent(kind, key))) !== undefined;
  }

  async revokeGrant(grantId: string): Promise<void> {
    await this.#store.put(this.#revoked(grantId), '1', { ttlMs: this.#longestLifetimeMs });
  }

  async #isRevoked(grantId: string): Promise<boolean> {
    return (await this.#store.get(this.#revoked(grantId))) !== undefined;
  }

  async #isSpent(kind: SingleUseKind, key: string): Promise<boolean> {
    return (await this.#store.get(this.#unspent(kind, key))) === undefined;
  }

  async #forget(kind: SecretKind, key: string): Promise<void> {
    await this.#store.delete(this.#record(kind, key));
    if (singleUse(kind)) await this.#store.delete(this.#unspent(kind, key));
  }

  #record = (kind: SecretKind, key: string) => `${this.#prefix}:${kind}:${hex(key)}`;
  #unspent = (kind: SecretKind, key: string) => `${this.#prefix}:unspent:${kind}:${hex(key)}`;
  #revoked = (grantId: string) => `${this.#prefix}:revoked:${uuidOf(grantId)}`;
}

// Keys carry only what the model made: a SHA-256 in hex and a random UUID, so every key is short
// and none is shaped by a request. Anything else is a bug of the caller, refused before a write.
function hex(key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new TypeError('`key` must be a SHA-256 in hex');
  return key;
}

function uuidOf(grantId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(grantId)) throw new TypeError('`grantId` must be a UUID');
  return grantId;
}
