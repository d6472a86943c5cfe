import { readSetting, type OAuthClient } from '@repo/auth';
import { readBaseConfig, refuseDemoDefaults, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';
import { parseDemoUsers } from './demo-users';

export const DEFAULT_PORT = 5004;

/** Public development defaults, documented in the README; production refuses every one, and so
 * does an app listening beyond loopback unless `ALLOW_DEMO_DEFAULTS=1`. */
export const DEV = {
  clientId: 'todo-oauth-dev-client',
  clientSecret: 'todo-oauth-dev-secret',
  pluginIds: 'plugin-dev',
  redirectUris: 'http://localhost:8976/oauth/callback',
  demoUsers: 'alice:alice-password,bob:bob-password',
  verificationToken: 'dev-openai-verification-token',
};

// The hosts' OAuth callbacks: one per host per plugin id (RFC 9700 §2.1: exact matching only).
const HOST_CALLBACKS = ['https://chat.openai.com', 'https://chatgpt.com'];
const PLUGIN_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface Config extends BaseConfig {
  client: OAuthClient;
  users: Map<string, string>;
  verificationToken: string;
  /** Where the lists, codes and tokens live: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
  /** What start-up should announce: defaults in use. */
  notices: string[];
}

const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/** The exact redirect URIs for `OAUTH_PLUGIN_IDS` and `OAUTH_REDIRECT_URIS`. */
export function redirectUris(pluginIds: string, extra: string): string[] {
  const ids = list(pluginIds);
  const bad = ids.find((id) => !PLUGIN_ID.test(id));
  if (bad !== undefined) throw new Error(`\`OAUTH_PLUGIN_IDS\`: \`${bad}\` is not a plugin id`);
  const fromIds = ids.flatMap((id) =>
    HOST_CALLBACKS.map((host) => `${host}/aip/${id}/oauth/callback`),
  );
  return [...new Set([...fromIds, ...list(extra)])];
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = readBaseConfig(env, DEFAULT_PORT);
  const { production } = base;
  const notices: string[] = [];
  const demo: string[] = [];
  const read = (name: string, devDefault: string, minLength?: number) => {
    const value = readSetting(env, name, { devDefault, production, notices, minLength });
    if (value === devDefault) demo.push(name);
    return value;
  };

  // The allow-list is one setting in two variables: either one set replaces both defaults.
  const ids = env.OAUTH_PLUGIN_IDS?.trim() ?? '';
  const extra = env.OAUTH_REDIRECT_URIS?.trim() ?? '';
  if (!ids && !extra && production) {
    throw new Error(
      '`OAUTH_PLUGIN_IDS` or `OAUTH_REDIRECT_URIS` must be set when NODE_ENV=production',
    );
  }
  if (!ids && !extra) demo.push('OAUTH_PLUGIN_IDS');
  if (!ids && !extra)
    notices.push(
      '`OAUTH_PLUGIN_IDS` and `OAUTH_REDIRECT_URIS` are not set: using their development defaults (see the README)',
    );
  const uris =
    ids || extra ? redirectUris(ids, extra) : redirectUris(DEV.pluginIds, DEV.redirectUris);
  const plain = uris.find((uri) => !uri.startsWith('https://'));
  if (production && plain)
    throw new Error(`\`OAUTH_REDIRECT_URIS\`: \`${plain}\` must be https in production`);

  const users = parseDemoUsers(read('DEMO_USERS', DEV.demoUsers));
  const weak = [...users].find(([, password]) => password.length < 12);
  if (production && weak)
    throw new Error(
      `\`DEMO_USERS\`: the password of \`${weak[0]}\` must be at least 12 characters in production`,
    );

  const client = {
    id: read('OAUTH_CLIENT_ID', DEV.clientId),
    secret: read('OAUTH_CLIENT_SECRET', DEV.clientSecret, 32),
    redirectUris: uris,
  };
  const verificationToken = read('OPENAI_VERIFICATION_TOKEN', DEV.verificationToken);
  refuseDemoDefaults(base, demo);
  return { ...base, client, users, verificationToken, store: readStoreConfig(env), notices };
}
