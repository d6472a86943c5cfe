import PQueue from 'p-queue';
import { MemoryStore, type Store } from '@repo/store';
import { answerCache, type AnswerCache } from './answer-cache';
import { beforeDeadline } from './before-deadline';
import { BodyTooLargeError, fetchText } from './fetch-text';
import { UpstreamError } from './upstream-error';
import { upstreamUrl, type UpstreamQuery } from './upstream-url';

export { upstreamUrl, type UpstreamQuery } from './upstream-url';

export interface UpstreamClientOptions {
  /** The upstream's base URL, path included and no trailing slash: `https://host/v1`. */
  baseUrl: string;
  /** Sent as the whole `Authorization` header (balldontlie's form: the key, no scheme). */
  apiKey?: string | undefined;
  /** Longest wait for a whole answer, a free slot and headers and body; then a 504. Default 2 s. */
  timeoutMs?: number;
  /** How long a good answer is reused; 0 turns caching off. Default 60,000 ms. */
  cacheTtlMs?: number;
  /** Most upstream requests under way at once; more wait for a free slot. Default 16. */
  maxConcurrent?: number;
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
export const DEFAULT_MAX_CONCURRENT = 16;
/** Less time than this left when a slot comes, and the request is not worth sending. */
const MIN_TIME_TO_SEND_MS = 10;

/**
 * A JSON-over-HTTP client for one upstream, made for a plugin that must answer an AI host within
 * its time budget:
 * - every call is bounded by `timeoutMs` (waiting for a slot, headers and body), then a 504;
 * - a failure is always an `UpstreamError` (502 or 504), never a raw network error;
 * - identical calls made while one is under way share it (one upstream request for all);
 * - at most `maxConcurrent` requests are under way at once; the others wait their turn;
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
  private readonly slots: PQueue;
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(options: UpstreamClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
    this.checkBody = options.checkBody ?? (() => undefined);
    this.slots = new PQueue({ concurrency: options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT });
    const store = options.store ?? new MemoryStore({ now: options.now });
    this.cache = answerCache(store, this.cacheTtlMs);
  }

  /** Calls answered so far, by where the answer came from (failures included). */
  readonly counts = { miss: 0, coalesced: 0, hit: 0 };

  /** Upstream requests under way, and calls waiting for a free slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.pending, waiting: this.slots.size };
  }

  /** GETs `path` with `query`; rejects with an `UpstreamError` only. */
  async get(path: string, query: UpstreamQuery = {}): Promise<UpstreamAnswer> {
    const url = upstreamUrl(this.baseUrl, path, query);
    // One deadline for the whole call: the cache read, the wait for a slot, the headers and body.
    const deadline = Date.now() + this.timeoutMs;
    const cached = await beforeDeadline(this.cache.get(url), deadline);
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
    const call = this.fetchJson(url, deadline);
    this.inFlight.set(url, call);
    // The answer is cached in the background: no caller waits for the write. The call stays in
    // `inFlight` until the write is done (or has taken `timeoutMs`), so no request slips between
    // the two; a write that fails or hangs only costs a later request an upstream call.
    call
      .then((body) => beforeDeadline(this.cache.set(url, body), Date.now() + this.timeoutMs))
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(url));
    return { url, body: await call, source: 'miss' };
  }

  private async fetchJson(url: string, deadline: number): Promise<string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.apiKey) headers.Authorization = this.apiKey;
    const { timeoutMs, maxBodyBytes } = this;
    const signal = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
    try {
      // A call whose time is (nearly) up when its slot comes is never sent.
      const send = () => {
        if (deadline - Date.now() < MIN_TIME_TO_SEND_MS) throw UpstreamError.timeout(timeoutMs);
        return fetchText(url, { headers, signal, maxBodyBytes });
      };
      const res = await this.slots.add(send, { signal });
      if (res.status < 200 || res.status > 299) {
        throw UpstreamError.status(res.status, res.headers.get('retry-after'));
      }
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch (err) {
        throw UpstreamError.badResponse('sent an answer that is not JSON', err);
      }
      const problem = this.checkBody(body);
      if (problem) throw UpstreamError.badResponse(problem);
      return res.body;
    } catch (err) {
      if (err instanceof UpstreamError) throw err;
      if (signal.aborted) throw UpstreamError.timeout(timeoutMs);
      if (err instanceof BodyTooLargeError) {
        throw UpstreamError.badResponse(`sent an answer larger than ${maxBodyBytes} bytes`);
      }
      throw UpstreamError.unavailable(err);
    }
  }
}
