import { randomUUID } from 'node:crypto';
import type { Store } from '@repo/store';
import type { OAuthClient } from './oauth-model';

/** A client as the endpoints see it: the pre-registered confidential one, or a registered public one. */
export interface KnownClient {
  id: string;
  redirectUris: string[];
  /** Public clients (RFC 7591 `token_endpoint_auth_method: none`) have no secret and must use PKCE. */
  public: boolean;
  /** The confidential client's secret; never set for a public one. */
  secret?: string;
  /** What the consent page calls it: the registration's `client_name`, when it gave one. */
  name?: string;
}

/** What a dynamic registration stores: the metadata the consent page and the checks need. */
export interface Registration {
  redirectUris: string[];
  name?: string;
}

export interface ClientsOptions {
  /** A registration no code was ever issued to is dropped after this long. */
  unusedTtlMs: number;
  /** Once used, it lives this long after its last code or token (the refresh token lifetime). */
  usedTtlMs: number;
}

const ID = /^[0-9a-f-]{36}$/;

/**
 * The clients this server knows: the one configured confidential client (the plugin host), and
 * public clients registered through RFC 7591, each kept in `store` under
 * `<prefix>:oauth:client:<uuid>` with an expiry, so every instance sees them and unused ones go.
 */
export class Clients {
  readonly #confidential: OAuthClient;
  readonly #store: Store;
  readonly #prefix: string;
  readonly #options: ClientsOptions;

  constructor(confidential: OAuthClient, store: Store, prefix: string, options: ClientsOptions) {
    this.#confidential = confidential;
    this.#store = store;
    this.#prefix = `${prefix}:oauth:client:`;
    this.#options = options;
  }

  /** The client with this id, or `undefined` (unknown, or its registration expired). */
  async find(id: unknown): Promise<KnownClient | undefined> {
    if (typeof id !== 'string') return undefined;
    const configured = this.#confidential;
    if (id === configured.id) return { ...configured, public: false };
    // Only ids this class issued are looked up, so a request never shapes a store key.
    if (!ID.test(id)) return undefined;
    const stored = await this.#store.get(this.#prefix + id);
    if (stored === undefined) return undefined;
    const registration = JSON.parse(stored) as Registration;
    return { id, public: true, ...registration };
  }

  /** Stores a checked registration and resolves to its new client id. */
  async register(registration: Registration): Promise<string> {
    const id = randomUUID();
    const value = JSON.stringify(registration);
    await this.#store.put(this.#prefix + id, value, { ttlMs: this.#options.unusedTtlMs });
    return id;
  }

  /** Keeps a public client alive as long as the codes and tokens just issued to it. */
  async touch(client: KnownClient): Promise<void> {
    if (!client.public) return;
    const registration: Registration = { redirectUris: client.redirectUris };
    if (client.name !== undefined) registration.name = client.name;
    const value = JSON.stringify(registration);
    await this.#store.put(this.#prefix + client.id, value, { ttlMs: this.#options.usedTtlMs });
  }
}
