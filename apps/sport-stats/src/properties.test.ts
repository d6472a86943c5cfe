import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSpecProperties } from '@repo/contract-testing';
import { startFakeBalldontlie, type FakeBalldontlie, type Game } from '@repo/fake-balldontlie';
import { testApp, type TestApp } from '../test/helpers';
import { createApp } from './app';

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

describe('parameters, as the spec reads them', () => {
  let fake: FakeBalldontlie;
  let plugin: TestApp;
  beforeAll(async () => {
    fake = await startFakeBalldontlie();
    plugin = await testApp({ baseUrl: fake.url, cacheTtlMs: 0 });
  });
  afterAll(() => fake.close());

  it.each([
    ['repeated keys', 'team_ids=14&team_ids=2'],
    ['the name[] form', 'team_ids[]=14&team_ids[]=2'],
    ['both forms mixed', 'team_ids=14&team_ids[]=2'],
    ['percent-encoded brackets', 'team_ids%5B%5D=14&team_ids%5B%5D=2'],
  ])('accepts an array as %s', async (_, form) => {
    const res = await plugin.get(`/games?limit=100&seasons[]=2024&${form}`);
    expect(res.status).toBe(200);
    const games = res.body.data as Game[];
    expect(games).toHaveLength(100);
    const ids = new Set(games.flatMap((g) => [g.home_team.id, g.visitor_team.id]));
    expect(
      games.every((g) => [2, 14].includes(g.home_team.id) || [2, 14].includes(g.visitor_team.id)),
    ).toBe(true);
    expect(ids.has(2) && ids.has(14)).toBe(true);
    expect(decodeURIComponent(fake.requests.at(-1)!.url)).toBe(
      '/v1/games?per_page=100&seasons[]=2024&team_ids[]=2&team_ids[]=14',
    );
  });

  it.each([
    ['/games?limit=0', 'limit'],
    ['/games?limit=101', 'limit'],
    ['/games?limit=abc', 'limit'],
    ['/stats?limit=2.5', 'limit'],
    ['/stats?limit=-1', 'limit'],
    ['/games?limit=5&limit=6', 'limit'],
    ['/games?start_date=2025-13-01', 'start_date'],
    ['/games?start_date=20250101', 'start_date'],
    ['/stats?start_date=yesterday', 'start_date'],
    ['/games?end_date=2025-02-30', 'end_date'],
    ['/stats?end_date=2025-1-5', 'end_date'],
    ['/games?start_date=2025-02-01&end_date=2025-01-31', 'end_date'],
    ['/stats?start_date=2025-02-01&end_date=2025-01-31', 'end_date'],
    ['/games?seasons=abc', 'seasons'],
    ['/games?seasons[]=1900', 'seasons'],
    [`/games?${Array.from({ length: 11 }, (_, i) => `seasons=${2000 + i}`).join('&')}`, 'seasons'],
    ['/games?team_ids[]=x', 'team_ids'],
    ['/games?team_ids=0', 'team_ids'],
    ['/stats?player_ids=1.5', 'player_ids'],
    ['/stats?game_ids[]=-3', 'game_ids'],
    ['/season_averages?player_ids=1&season=1900', 'season'],
    ['/season_averages?player_ids=1&season=2024.5', 'season'],
    ['/season_averages', 'player_ids'],
    ['/season_averages?season=2024', 'player_ids'],
    [`/players?query=${'a'.repeat(101)}`, 'query'],
  ])('rejects %s with a 400 naming `%s`, before any upstream call', async (path, field) => {
    const before = fake.hits;
    const res = await plugin.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect(res.body.field).toMatch(new RegExp(`^${field}(\\.|$)`));
    expect(res.body.message).toContain(`\`${field}`);
    expect(fake.hits).toBe(before);
  });

  it('answers an unknown path with a JSON 404 and a wrong method with a JSON 405', async () => {
    expect((await plugin.get('/players/1')).status).toBe(404);
    const post = await request(plugin.app.callback()).post('/teams');
    expect(post.status).toBe(405);
    expect(post.body.error).toBe('method_not_allowed');
  });
});
