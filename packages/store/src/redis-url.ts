import type { RedisOptions } from 'ioredis';

/** Where a Redis URL points: what ioredis needs to connect, parsed once. */
export type RedisTarget = Pick<
  RedisOptions,
  'host' | 'port' | 'username' | 'password' | 'db' | 'tls'
>;

// Every message below describes the URL without quoting it: it may hold a password.
const invalid = (why: string) => new TypeError(`the Redis URL ${why}`);

/**
 * Parses `redis://[user:password@]host[:port][/db]` (`rediss://` for TLS) with the WHATWG URL
 * parser; throws a `TypeError` that never repeats the URL. ioredis is then given the parts, not
 * the string: its own legacy parser prints an invalid URL, password included, in a warning.
 */
export function parseRedisUrl(url: string): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // No `cause`: the URL parser's error carries the input in its `input` property.
    throw invalid(
      'is not a valid URL (check the port; %-encode special characters in the password)',
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw invalid('must start with redis:// or rediss://');
  }
  if (!parsed.hostname) throw invalid('must name a host');
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,5}$/.test(db)) throw invalid('must end in a database number, like /0');
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), // an IPv6 address without its brackets
    port: parsed.port ? Number(parsed.port) : 6379,
    username: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' ? { servername: parsed.hostname } : undefined,
  };
}
