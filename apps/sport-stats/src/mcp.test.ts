import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeMcpApp, listen, type Step } from '@repo/mcp/testing';
import { createApp } from './app';

// A tiny balldontlie: one answer per list, valid against the spec's schemas. A player search for
// `boom` answers 500 (the plugin's 502), for `slow` too late (the plugin's 504).
const team = {
  id: 14,
  abbreviation: 'LAL',
  city: 'Los Angeles',
  name: 'Lakers',
  full_name: 'Los Angeles Lakers',
};
const game = {
  id: 1752,
  date: '2025-01-02',
  season: 2024,
  home_team_score: 110,
  visitor_team_score: 99,
};
const player = { id: 198, first_name: 'Anthony', last_name: 'Davis', position: null };
const lists: Record<string, unknown[]> = {
  '/v1/players': [{ ...player, team }],
  '/v1/teams': [team],
  '/v1/games': [{ ...game, home_team: team, visitor_team: team }],
  '/v1/stats': [{ id: 1, pts: 31, player, team, game }],
  '/v1/season_averages': [{ player_id: 198, season: 2024, games_played: 60, pts: 24.7 }],
};
const fakeUpstream: RequestListener = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://upstream');
  const search = url.searchParams.get('search');
  if (search === 'boom') return void res.writeHead(500).end();
  if (search === 'slow') return void setTimeout(() => res.end('{}'), 1_000);
  const data = lists[url.pathname];
  if (!data) return void res.writeHead(404).end();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ data, meta: { per_page: 25 } }));
};

const script: Step[] = [
  ['getPlayers', { query: 'davis' }],
  ['getTeams', {}],
  ['getGames', { seasons: [2024], team_ids: [14], limit: 5 }],
  ['getStats', { player_ids: [198], start_date: '2025-01-01', end_date: '2025-01-31' }],
  ['getSeasonAverages', { season: 2024, player_ids: [198] }],
  ['getSeasonAverages', { season: 2024 }],
  ['getGames', { seasons: [1900] }],
  ['getStats', { start_date: '2025-02-01', end_date: '2025-01-01' }],
  ['getPlayers', { query: 'boom' }],
  ['getPlayers', { query: 'slow' }],
];

let upstream: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  upstream = await listen(fakeUpstream);
});
afterAll(() => upstream.close());

const readOnlyOpenWorld = { readOnlyHint: true, openWorldHint: true };

describeMcpApp(
  'sport-stats',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    app: () =>
      createApp({
        upstream: { baseUrl: `${upstream.url}/v1`, timeoutMs: 300, cacheTtlMs: 0 },
        log: () => {},
      }),
    listed: {
      getPlayers: readOnlyOpenWorld,
      getTeams: readOnlyOpenWorld,
      getGames: readOnlyOpenWorld,
      getStats: readOnlyOpenWorld,
      getSeasonAverages: readOnlyOpenWorld,
    },
    script,
    allowedOrigin: 'https://chatgpt.com',
  },
  (t) => {
    it.each([
      ['boom', '502 Bad Gateway'],
      ['slow', '504 Gateway Timeout'],
    ])('says an upstream failure (%s) in words, as a tool error', async (query, words) => {
      const result = await t.client.callTool({ name: 'getPlayers', arguments: { query } });
      expect(result).toMatchObject({ isError: true });
      expect(JSON.stringify(result)).toContain(words);
    });
  },
);
