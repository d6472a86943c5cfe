/** How the console signs in to a plugin whose manifest says `oauth`: a client it registered. */
export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  /** A loopback callback registered for the client; the console listens there during a sign-in. */
  redirectUri: string;
}

/** A plugin the console lists on its first page. */
export interface KnownPlugin {
  name: string;
  url: string;
  /** Shown beside the token field: where the token comes from. */
  tokenHint?: string;
  oauth?: OAuthClientSettings;
}

/**
 * The five apps as `pnpm dev` serves them (their ports are in the root README). todo-oauth's
 * client is the pre-registered development client of its README, as `pnpm plugin call` uses it.
 */
export const KNOWN_PLUGINS: KnownPlugin[] = [
  { name: 'sport-stats', url: 'http://localhost:5001' },
  { name: 'todo-noauth', url: 'http://localhost:5002' },
  {
    name: 'todo-service',
    url: 'http://localhost:5003',
    tokenHint: "the app's SERVICE_TOKEN (`dev-service-token` in pnpm dev)",
  },
  {
    name: 'todo-oauth',
    url: 'http://localhost:5004',
    oauth: {
      clientId: 'todo-oauth-dev-client',
      clientSecret: 'todo-oauth-dev-secret',
      redirectUri: 'http://localhost:8976/oauth/callback',
    },
  },
  { name: 'wordbook', url: 'http://localhost:8081' },
];
