import type { Context, Next } from 'koa';
import type { AuthConfig } from './auth-config';
import { TOKEN68 } from './credentials';
import { httpAuth } from './http-auth';
import { safeEqualTo } from './safe-equal';

function checkServiceToken(config: Extract<AuthConfig, { type: 'service_http' }>): void {
  const { token, scheme } = config;
  if (typeof token !== 'string' || token === '')
    throw new Error('`token` must be a non-empty string');
  if (scheme === 'bearer' && !TOKEN68.test(token)) {
    throw new Error('`token` must be a bearer token: letters, digits and `-._~+/`, then any `=`');
  }
  if (scheme === 'basic' && !token.includes(':')) {
    throw new Error('`token` must be `user:password` for basic auth');
  }
}

/**
 * The check that guards a plugin's API routes for `config`: none lets every request through;
 * `service_http` compares the one service token in constant time; `user_http` and `oauth` ask
 * `verify` whose credential it is. Throws at construction on an invalid config.
 * @example api.use(requireAuth({ type: 'service_http', scheme: 'bearer', token, verificationTokens }))
 */
export function requireAuth(config: AuthConfig) {
  const realm = (config.type !== 'none' && config.realm) || 'plugin';
  switch (config.type) {
    case 'none':
      return async function noAuth(_ctx: Context, next: Next) {
        await next();
      };
    case 'service_http': {
      checkServiceToken(config);
      const matches = safeEqualTo(config.token);
      return httpAuth({
        scheme: config.scheme,
        realm,
        verify: (given) => (matches(given) ? {} : undefined),
      });
    }
    case 'user_http':
      return httpAuth({ scheme: config.scheme, realm, verify: config.verify });
    case 'oauth':
      return httpAuth({ scheme: 'bearer', realm, verify: config.verify });
    default:
      throw new Error(`unsupported auth type \`${String((config as { type: unknown }).type)}\``);
  }
}
