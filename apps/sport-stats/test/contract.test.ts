import { afterAll } from 'vitest';
import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { createApp } from '../src/app';
import { startFakeUpstream, type FakeUpstream } from '../src/fake-upstream/server';

let upstream: FakeUpstream | undefined;
let mcpUpstream: FakeUpstream | undefined;
afterAll(() => Promise.all([upstream?.close(), mcpUpstream?.close()]));

// The contract suite calls every operation with its spec's examples, through the plugin, to the
// offline upstream over real HTTP, and checks each answer against the spec's response schema.
describePluginContract('sport-stats', {
  createApp: async () => {
    upstream = await startFakeUpstream();
    return createApp({ upstream: { baseUrl: upstream.url } });
  },
});

describeMcpContract('sport-stats', {
  createApp: async () =>
    createApp({ upstream: { baseUrl: (mcpUpstream ??= await startFakeUpstream()).url } }),
});
