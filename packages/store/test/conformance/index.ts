import { describe } from 'vitest';
import { concurrencyTests } from './concurrency-tests';
import type { Harness } from './harness';
import { inputTests } from './input-tests';
import { listTests } from './list-tests';
import { mapTests } from './map-tests';
import { peerTests } from './peer-tests';
import { probeTests } from './probe-tests';
import { setTests } from './set-tests';
import { valueTests } from './value-tests';

export type { Harness } from './harness';

/**
 * The behaviour every `Store` must have, run against one implementation. With `openPeer`, the
 * concurrency tests split their calls across two stores, and the peer tests run.
 */
export function describeStoreConformance(name: string, harness: Harness) {
  describe(`${name} conforms to Store`, () => {
    listTests(harness);
    setTests(harness);
    mapTests(harness);
    valueTests(harness);
    inputTests(harness);
    concurrencyTests(harness);
    probeTests(harness);
    if (harness.openPeer) peerTests(harness);
  });
}
