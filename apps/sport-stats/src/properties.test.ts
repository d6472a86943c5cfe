import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
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

// Found by the getGames and getStats properties above (seeds -1010976388, path "32:0:0:0:0:0:0:0";
// and a getGames run shrunk to `limit=Infinity`): @repo/openapi's coercing validator turns the
// query string `Infinity` (or `1e400`) into the number Infinity and lets it through as an
// `integer`, past `maximum: 100`, so the plugin asks the upstream for `per_page=Infinity`, which
// refuses it, and the caller gets a 502 for its own bad input. @repo/openapi's request
// validation now refuses non-finite numbers (`sound-input.ts`); these tests keep them refused.
describe('a number that is not finite', () => {
  it.each([
    '/games?limit=Infinity',
    '/stats?player_ids=Infinity',
    '/games?seasons=1e400',
    // Found later (seed -474571002): 1e21 is an integer to ajv, and went on as `1e+21`.
    '/games?team_ids=1e%2B21',
  ])('is refused before it reaches the upstream: %s is a JSON 400', async (path) => {
    upstream ??= await startFakeUpstream();
    const app = await createApp({ upstream: { baseUrl: upstream.url }, log: () => {} });
    const res = await request(app.callback()).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
  });
});
