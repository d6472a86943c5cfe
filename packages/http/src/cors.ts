import cors from '@koa/cors';
import type { Context } from 'koa';

/** The origins of the hosts' web apps that call plugins from the browser. */
export const HOST_ORIGINS = ['https://chat.openai.com', 'https://chatgpt.com'] as const;

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export interface PluginCorsOptions {
  /** Origins allowed besides `HOST_ORIGINS`, for example `https://yiyan.baidu.com`. */
  extraOrigins?: readonly string[];
  /** Allow `http://localhost:*` (and 127.0.0.1, [::1]) too: for development, never production. */
  allowLoopback?: boolean;
}

function checkOrigin(origin: string): void {
  const url = new URL(origin);
  if (url.origin !== origin) {
    throw new Error(`CORS origin \`${origin}\` must be a bare origin such as https://example.com`);
  }
}

/**
 * The origins a plugin's browser callers may come from: `HOST_ORIGINS`, the app's extras, and
 * loopback origins when `allowLoopback`. `pluginCors` answers by it, and the MCP endpoint refuses
 * any other origin with a 403 by it, so both use one allow-list. Throws at construction on a
 * malformed extra origin.
 * @example const allowed = originPredicate({ allowLoopback: true }); allowed('http://localhost:3000') // true
 */
export function originPredicate(options: PluginCorsOptions = {}): (origin: string) => boolean {
  const extra = options.extraOrigins ?? [];
  extra.forEach(checkOrigin);
  const allowed = new Set<string>([...HOST_ORIGINS, ...extra]);
  const allowLoopback = options.allowLoopback ?? false;
  return (origin) => allowed.has(origin) || (allowLoopback && LOOPBACK_ORIGIN.test(origin));
}

/**
 * CORS for a plugin: the origins `originPredicate` allows get `Access-Control-Allow-Origin`,
 * everyone else gets none. Answers Chrome's Private Network Access preflight, which a host page
 * sends before it calls a plugin on localhost. Throws at construction on a malformed origin.
 */
export function pluginCors(options: PluginCorsOptions = {}) {
  const allowed = originPredicate(options);
  return cors({
    origin(ctx: Context) {
      const origin = ctx.get('Origin');
      return allowed(origin) ? origin : '';
    },
    privateNetworkAccess: true,
    maxAge: 600,
  });
}
