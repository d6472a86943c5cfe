import { MemoryStore, type Store } from '@repo/store';
import { answerCache, type AnswerCache } from './answer-cache';
import { httpGet, HttpBodyTooLargeError, HttpTimeoutError } from './http-get';
import { UpstreamError } from './upstream-error';

/** A query for the upstream: arrays are sent as `name[]=a&name[]=b`, undefined is left out. */
export type UpstreamQuery = Record<
  string,
  string | number | boolean | readonly (string | number)[] | undefined
>;

export interface UpstreamClientOptions {
  /** The upstream's base URL, path included and no trailing slash: `https://host/v1`. */
  baseUrl: string;
  /** Sent as the whole `Authorization` header (balldontlie's form: the key, no scheme). */
  apiKey?: string | undefined;
  /** Longest wait for a whole answer, headers and body; then a 504. Default 2,000 ms. */
  timeoutMs?: number;
  /** How long a good answer is reused; 0 turns caching off. Default 60,000 ms. */
  cacheTtlMs?: number;
  /** Where answers are cached: the app's store, shared by its instances; in memory unless given. */
  store?: Store;
  /** Largest answer accepted, in bytes; a larger one is a 502. Default 4 MiB. */
  maxBodyBytes?: number;
  /** Checks a parsed answer; returns what is wrong with it, or undefined when it is usable. */
  checkBody?: (body: unknown) => string | undefined;
  /** The clock of the in-memory store used when no `store` is given (tests move it). */
  now?: () => number;
}

export interface UpstreamAnswer {
  /** The upstream URL the answer is for (never holds the key: that travels in a header). */
  url: string;
  /** The answer's JSON text, as the upstream sent it. */
  body: string;
  /** `miss`: fetched for this request; `coalesced`: shared a fetch already under way; `hit`: cached. */
  source: 'miss' | 'coalesced' | 'hit';
}

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_CACHE_TTL_MS = 60_000;

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

/**
 * A JSON-over-HTTP client for one upstream, made for a plugin that must answer an AI host within
 * its time budget:
 * - every call is bounded by `timeoutMs` (headers and body), after which it fails as a timeout;
 * - a failure is always an `UpstreamError` (502 or 504), never a raw network error;
 * - identical calls made while one is under way share it (one upstream request for all);
 * - good answers are cached for `cacheTtlMs`; failures are never cached. A cache that fails (its
 *   store is down) counts as a miss: the answer comes from the upstream instead.
 */
export class UpstreamClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
  private readonly apiKey: string | undefined;
  private readonly maxBodyBytes: number;
  private readonly checkBody: (body: unknown) => string | undefined;
  private readonly cache: AnswerCache;
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(options: UpstreamClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.checkBody = options.checkBody ?? (() => undefined);
    const store = options.store ?? new MemoryStore({ now: options.now });
    this.cache = answerCache(store, this.cacheTtlMs);
  }

  /** Calls answered so far, by where the answer came from (failures included). */
  readonly counts = { miss: 0, coalesced: 0, hit: 0 };

  /** GETs `path` with `query`; rejects with an `UpstreamError` only. */
  async get(path: string, query: UpstreamQuery = {}): Promise<UpstreamAnswer> {
    const url = upstreamUrl(this.baseUrl, path, query);
    const cached = await this.cache.get(url).catch(() => undefined);
    if (cached !== undefined) {
      this.counts.hit += 1;
      return { url, body: cached, source: 'hit' };
    }
    const pending = this.inFlight.get(url);
    if (pending) {
      this.counts.coalesced += 1;
      return { url, body: await pending, source: 'coalesced' };
    }
    this.counts.miss += 1;
    const call = this.fetchJson(url)
      .then(async (body) => {
        // Cached before the call leaves `inFlight`, so no request can slip between the two; a
        // cache that cannot keep it only costs the next request an upstream call.
        await this.cache.set(url, body).catch(() => undefined);
        return body;
      })
      .finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, call);
    return { url, body: await call, source: 'miss' };
  }

  private async fetchJson(url: string): Promise<string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.apiKey) headers.Authorization = this.apiKey;
    const { timeoutMs, maxBodyBytes } = this;
    try {
      // A redirect is reported, not followed, so the key goes nowhere else.
      const res = await httpGet(url, { headers, timeoutMs, maxBodyBytes });
      if (res.status < 200 || res.status > 299) {
        const retryAfter = res.headers['retry-after'];
        throw UpstreamError.status(res.status, typeof retryAfter === 'string' ? retryAfter : null);
      }
      const text = res.body;
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (err) {
        throw UpstreamError.badResponse('sent an answer that is not JSON', err);
      }
      const problem = this.checkBody(body);
      if (problem) throw UpstreamError.badResponse(problem);
      return text;
    } catch (err) {
      if (err instanceof UpstreamError) throw err;
      // The time limit covers the whole exchange: a stalled body read ends up here too.
      if (err instanceof HttpTimeoutError) throw UpstreamError.timeout(timeoutMs);
      if (err instanceof HttpBodyTooLargeError) {
        throw UpstreamError.badResponse(`sent an answer larger than ${maxBodyBytes} bytes`);
      }
      throw UpstreamError.unavailable(err);
    }
  }
}
