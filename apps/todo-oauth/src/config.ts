import { readSetting, type OAuthClient } from '@repo/auth';
import { HOST_ORIGINS, readBaseConfig, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';
import { parseDemoUsers } from './demo-users';

export const DEFAULT_PORT = 5004;

/** Public development defaults, documented in the README; production refuses every one. */
export const DEV = {
  clientId: 'todo-oauth-dev-client',
  clientSecret: 'todo-oauth-dev-secret',
  pluginIds: 'plugin-dev',
  redirectUris: 'http://localhost:8976/oauth/callback',
  demoUsers: 'alice:alice-password,bob:bob-password',
  verificationToken: 'dev-openai-verification-token',
};

// The hosts' OAuth callbacks carry the id the host gave the plugin or the GPT:
// `<host>/aip/<id>/oauth/callback`, one per host per id (RFC 9700 §2.1: exact matching only).
const PLUGIN_ID = /^[A-Za-z0-9_-]{1,100}$/;
const GPT_ID = /^g-[A-Za-z0-9]{1,100}$/;

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

function callbacks(setting: string, ids: string, shape: RegExp): string[] {
  const bad = list(ids).find((id) => !shape.test(id));
  if (bad !== undefined) throw new Error(`\`${setting}\`: \`${bad}\` is not such an id`);
  return list(ids).flatMap((id) => HOST_ORIGINS.map((host) => `${host}/aip/${id}/oauth/callback`));
}

/** The exact redirect URIs for `OAUTH_PLUGIN_IDS`, `OAUTH_GPT_IDS` and `OAUTH_REDIRECT_URIS`. */
export function redirectUris(ids: { pluginIds?: string; gptIds?: string; extra?: string }) {
  const plugins = callbacks('OAUTH_PLUGIN_IDS', ids.pluginIds ?? '', PLUGIN_ID);
  const gpts = callbacks('OAUTH_GPT_IDS', ids.gptIds ?? '', GPT_ID);
  return [...new Set([...plugins, ...gpts, ...list(ids.extra ?? '')])];
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = readBaseConfig(env, DEFAULT_PORT);
  const { production } = base;
  const notices: string[] = [];
  const read = (name: string, devDefault: string, minLength?: number) =>
    readSetting(env, name, { devDefault, production, notices, minLength });

  // The allow-list is one setting in three variables: any one set replaces the defaults.
  const ids = {
    pluginIds: env.OAUTH_PLUGIN_IDS?.trim() ?? '',
    gptIds: env.OAUTH_GPT_IDS?.trim() ?? '',
    extra: env.OAUTH_REDIRECT_URIS?.trim() ?? '',
  };
  const unset = !ids.pluginIds && !ids.gptIds && !ids.extra;
  const names = '`OAUTH_GPT_IDS`, `OAUTH_PLUGIN_IDS` or `OAUTH_REDIRECT_URIS`';
  if (unset && production) throw new Error(`${names} must be set when NODE_ENV=production`);
  if (unset) notices.push(`${names}: none is set, using the development defaults (see the README)`);
  const uris = redirectUris(unset ? { pluginIds: DEV.pluginIds, extra: DEV.redirectUris } : ids);
  const plain = uris.find((uri) => !uri.startsWith('https://'));
  if (production && plain)
    throw new Error(`\`OAUTH_REDIRECT_URIS\`: \`${plain}\` must be https in production`);

  const users = parseDemoUsers(read('DEMO_USERS', DEV.demoUsers));
  const weak = [...users].find(([, password]) => password.length < 12);
  if (production && weak)
    throw new Error(
      `\`DEMO_USERS\`: the password of \`${weak[0]}\` must be at least 12 characters in production`,
    );

  return {
    ...base,
    client: {
      id: read('OAUTH_CLIENT_ID', DEV.clientId),
      secret: read('OAUTH_CLIENT_SECRET', DEV.clientSecret, 32),
      redirectUris: uris,
    },
    users,
    verificationToken: read('OPENAI_VERIFICATION_TOKEN', DEV.verificationToken),
    store: readStoreConfig(env),
    notices,
  };
}
