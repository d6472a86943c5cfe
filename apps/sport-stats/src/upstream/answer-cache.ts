import { hash } from 'node:crypto';
import type { Store } from '@repo/store';

/** Where good upstream answers are kept for a while, by their canonical upstream URL. */
export interface AnswerCache {
  get(url: string): Promise<string | undefined>;
  set(url: string, body: string): Promise<void>;
}

/**
 * A cache in `store` whose entries expire `ttlMs` after they were written (0 turns it off). A URL
 * can be as long as the query allows, so the key is its SHA-256 (`sport-stats:answer:<hex>`): the
 * store's keys stay bounded, and instances sharing a Redis share the cache. Expired entries are
 * dropped by the store (SQLite on its next write, Redis by itself).
 */
export function answerCache(store: Store, ttlMs: number): AnswerCache {
  const key = (url: string) => `sport-stats:answer:${hash('sha256', url, 'hex')}`;
  return {
    get: (url) => (ttlMs > 0 ? store.get(key(url)) : Promise.resolve(undefined)),
    set: async (url, body) => {
      if (ttlMs > 0) await store.put(key(url), body, { ttlMs });
    },
  };
}
