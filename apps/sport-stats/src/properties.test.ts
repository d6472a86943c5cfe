import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSpecProperties } from '@repo/contract-testing';
import { createApp } from './app';
import { startFakeBalldontlie, type FakeBalldontlie } from '@repo/fake-balldontlie';

// Every generated request goes through the plugin to the fake balldontlie over loopback. The
// upstream stays healthy, so a 502 or a 504 here is a finding like any other 5xx: bad input must
// be a 400 before it reaches the upstream. There is no model: the plugin stores nothing, so there
// is no state to keep consistent (upstream failures are tested in upstream/upstream-error.test.ts).
let upstream: FakeBalldontlie | undefined;
afterAll(() => upstream?.close());

describeSpecProperties('sport-stats', {
  createApp: async () => {
    upstream = await startFakeBalldontlie();
    return createApp({ upstream: { baseUrl: upstream.url }, log: () => {} });
  },
});

// A query value that is not a finite number (`Infinity`, `1e400`) or too large to be exact
// (`1e21`) passes a coercing `integer` check as a number, and the upstream would refuse it: a 502
// for the caller's own bad input. @repo/openapi's request validation refuses these
// (`sound-input.ts`), so they are a JSON 400 that never reaches the upstream.
describe('a number that is not finite', () => {
  it.each([
    '/games?limit=Infinity',
    '/stats?player_ids=Infinity',
    '/games?seasons=1e400',
    '/games?team_ids=1e%2B21',
  ])('is refused before it reaches the upstream: %s is a JSON 400', async (path) => {
    upstream ??= await startFakeBalldontlie();
    const app = await createApp({ upstream: { baseUrl: upstream.url }, log: () => {} });
    const res = await request(app.callback()).get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
  });
});
