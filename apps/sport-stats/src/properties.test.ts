import { afterAll } from 'vitest';
import { describeSpecProperties } from '@repo/contract-testing';
import { createApp } from './app';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream/server';

// Every generated request goes through the plugin to the bundled fake upstream over loopback.
// The upstream stays healthy, so a 502 or a 504 here is a finding like any other 5xx: bad input
// must be a 400 before it reaches the upstream. There is no model: the plugin stores nothing,
// so there is no state to keep consistent (upstream failures are tested in upstream-failures).
let upstream: FakeUpstream | undefined;
afterAll(() => upstream?.close());

describeSpecProperties('sport-stats', {
  createApp: async () => {
    upstream = await startFakeUpstream();
    return createApp({ upstream: { baseUrl: upstream.url }, log: () => {} });
  },
});
