import type { Context, Next } from 'koa';
import type { AuthConfig } from './auth-config';

/**
 * The check that guards a plugin's API routes for `config`. For `none` it lets every request
 * through; it exists so that an app's stack reads the same whatever its auth mode.
 */
export function requireAuth(config: AuthConfig) {
  if (config.type !== 'none') throw new Error(`unsupported auth type \`${String(config.type)}\``);
  return async function noAuth(_ctx: Context, next: Next) {
    await next();
  };
}
