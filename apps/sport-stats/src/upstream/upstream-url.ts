/** A query for the upstream: arrays are sent as `name[]=a&name[]=b`, undefined is left out. */
export type UpstreamQuery = Record<
  string,
  string | number | boolean | readonly (string | number)[] | undefined
>;

/**
 * Builds the upstream URL for `path` and `query` in one canonical form: keys sorted, array
 * values deduplicated and sorted, arrays as `name[]`. Two requests that mean the same thing get
 * the same URL, which is what the cache and the coalescing key on.
 */
export function upstreamUrl(baseUrl: string, path: string, query: UpstreamQuery = {}): string {
  const enc = encodeURIComponent;
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const values = [...new Set(value.map(String))].sort((a, b) =>
        a.localeCompare(b, 'en', { numeric: true }),
      );
      for (const item of values) parts.push(`${enc(key)}[]=${enc(item)}`);
    } else {
      parts.push(`${enc(key)}=${enc(String(value))}`);
    }
  }
  return `${baseUrl}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}
