import { afterEach } from 'vitest';
import type { Store } from '../../src/index';

/** How the conformance suite reaches one implementation. */
export interface Harness {
  /** Opens a store on empty data. */
  open(): Promise<Store>;
  /** Opens another store (connection, client) on the same data as the last `open()`. */
  openPeer?(): Promise<Store>;
  /** Moves the stores' clock forward: a fake clock's, or real time for a server's. */
  advance(ms: number): Promise<void>;
  /** A TTL the tests use; long enough to read the value back before `advance` outlives it. */
  ttlMs: number;
}

/** Opens stores for one test and closes them after it, so no connection outlives its test. */
export function storesFor(harness: Harness) {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  const keep = (store: Store) => (opened.push(store), store);
  return {
    open: async () => keep(await harness.open()),
    /** The store and, when the implementation shares data, a peer: writes alternate between them. */
    openAll: async (): Promise<Store[]> => {
      const store = keep(await harness.open());
      return harness.openPeer ? [store, keep(await harness.openPeer())] : [store];
    },
  };
}
