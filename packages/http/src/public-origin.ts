import type { Context } from 'koa';

// A Host header is a name or an IP literal with an optional port (RFC 9110 §7.2). Anything else
// would be written into the manifest and the spec, so it is refused rather than echoed.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The placeholder that manifest and spec files use for the plugin's public origin. */
export const PLACEHOLDER = 'PLUGIN_HOSTNAME';

/**
 * Normalises a configured public base URL (`PUBLIC_BASE_URL`): http or https, no query or
 * fragment, no trailing slash. Throws naming the setting when it is not such a URL.
 */
export function parseBaseUrl(value: string, setting = 'PUBLIC_BASE_URL'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`\`${setting}\` must be an absolute URL such as https://plugin.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`\`${setting}\` must start with http:// or https://`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`\`${setting}\` must not have credentials, a query or a fragment`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/**
 * The origin the caller reached this plugin at: the configured base URL when there is one,
 * otherwise the request's own scheme and host. Koa honours `X-Forwarded-Proto`/`-Host` only when
 * the app was created with `proxy: true`, so this trusts exactly what the app was told to trust.
 * An origin taken from the request varies with those headers, so the answer says so to caches
 * (RFC 9110 §12.5.5 `Vary`). Throws a 400, naming the header, on a scheme other than http or
 * https and on a host that is not a host name: either would be written into the manifest.
 */
export function publicOrigin(ctx: Context, baseUrl?: string): string {
  if (baseUrl) return baseUrl;
  const proxied = ctx.app.proxy;
  ctx.vary(proxied ? ['Host', 'X-Forwarded-Proto', 'X-Forwarded-Host'] : ['Host']);
  const scheme = ctx.protocol;
  if (scheme !== 'http' && scheme !== 'https') {
    ctx.throw(400, '`X-Forwarded-Proto` must be http or https', { field: 'X-Forwarded-Proto' });
  }
  const host = ctx.host;
  if (!HOST.test(host)) {
    const field = proxied && ctx.get('X-Forwarded-Host') ? 'X-Forwarded-Host' : 'Host';
    ctx.throw(400, `\`${field}\` header is not a valid host name`, { field });
  }
  return `${scheme}://${host}`;
}

/** Replaces every placeholder in `text` with `origin` (which never ends in a slash). */
export function fillPlaceholders(text: string, origin: string): string {
  return text.split(PLACEHOLDER).join(origin);
}

/**
 * Memoises a rendering per origin, so a manifest or spec is built once per origin rather than
 * per request. Bounded: a client that sends many Host headers cannot grow it without limit.
 */
export function perOrigin<T>(render: (origin: string) => T, max = 32): (origin: string) => T {
  const cache = new Map<string, T>();
  return (origin) => {
    let value = cache.get(origin);
    if (value === undefined) {
      value = render(origin);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(origin, value);
    }
    return value;
  };
}
