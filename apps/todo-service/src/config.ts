import { readSetting } from '@repo/auth';
import { readBaseConfig, refuseDemoDefaults, type BaseConfig } from '@repo/http';
import { readStoreConfig, type StoreConfig } from '@repo/store';

export const DEFAULT_PORT = 5003;

/** Public development defaults, documented in the README; production refuses both, and so does
 * an app listening beyond loopback unless `ALLOW_DEMO_DEFAULTS=1`. */
export const DEV_SERVICE_TOKEN = 'dev-service-token';
export const DEV_VERIFICATION_TOKEN = 'dev-openai-verification-token';

export interface Config extends BaseConfig {
  /** `SERVICE_TOKEN`: the bearer token the host sends on every API call. */
  serviceToken: string;
  /** `OPENAI_VERIFICATION_TOKEN`: what the host's UI issued, published in the manifest. */
  verificationToken: string;
  /** Where the todo lists live: `REDIS_URL`, else SQLite under `DATA_DIR` (default `./data`). */
  store: StoreConfig;
  /** What start-up should announce: defaults in use. */
  notices: string[];
}

/** Reads this app's settings from the environment; throws, naming the variable, on a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = readBaseConfig(env, DEFAULT_PORT);
  const notices: string[] = [];
  const { production } = base;
  // 32 characters or more: `openssl rand -hex 32` gives 64.
  const serviceToken = readSetting(env, 'SERVICE_TOKEN', {
    devDefault: DEV_SERVICE_TOKEN,
    production,
    notices,
    minLength: 32,
  });
  const verificationToken = readSetting(env, 'OPENAI_VERIFICATION_TOKEN', {
    devDefault: DEV_VERIFICATION_TOKEN,
    production,
    notices,
  });
  refuseDemoDefaults(base, [
    ...(serviceToken === DEV_SERVICE_TOKEN ? ['SERVICE_TOKEN'] : []),
    ...(verificationToken === DEV_VERIFICATION_TOKEN ? ['OPENAI_VERIFICATION_TOKEN'] : []),
  ]);
  return { ...base, serviceToken, verificationToken, store: readStoreConfig(env), notices };
}
