/** Thrown for a URL the console will not read; a 403 with this message. */
export class RefusedUrl extends Error {
  readonly status = 403;
  readonly expose = true;
}

/** Whether a URL names this machine by a loopback literal (`localhost`, `127.x.x.x`, `[::1]`). */
export function isLoopbackUrl(url: URL): boolean {
  return (
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname)
  );
}

/**
 * What the console's server may fetch: loopback, and the origins a person typed in. A plugin's
 * files can name any URL (its spec, logo, server, token endpoint); none of those is read unless
 * it is on one of these, so a manifest cannot point the console at the rest of the network.
 */
export class OriginGuard {
  private readonly typed = new Set<string>();

  /** Records an origin the user typed; throws unless it is an http(s) URL. */
  allowTyped(url: string): void {
    this.typed.add(this.parse(url).origin);
  }

  allows(url: string): boolean {
    if (!URL.canParse(url)) return false;
    const parsed = new URL(url);
    return (
      ['http:', 'https:'].includes(parsed.protocol) &&
      (isLoopbackUrl(parsed) || this.typed.has(parsed.origin))
    );
  }

  /** Throws `RefusedUrl` unless `url` may be fetched. */
  check(url: string): void {
    this.parse(url);
    if (!this.allows(url))
      throw new RefusedUrl(
        `${new URL(url).origin} is not loopback and was not typed in: the console does not fetch it`,
      );
  }

  /** `fetch`, refusing what `check` refuses (for the MCP client and the linter). */
  readonly fetch: typeof fetch = async (input, init) => {
    this.check(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };

  private parse(url: string): URL {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new RefusedUrl(`\`url\` must be an http(s) URL, got \`${url}\``);
    return new URL(url);
  }
}
