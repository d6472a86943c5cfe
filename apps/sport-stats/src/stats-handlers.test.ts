import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeBalldontlie,
  type FakeBalldontlie,
  type Game,
  type StatLine as Stat,
  type Team,
} from '@repo/fake-balldontlie';
import { testApp, type TestApp } from '../test/helpers';

// Every operation through the plugin to the fake balldontlie over HTTP, as in `pnpm dev`; the
// cache is off so that each call reaches the upstream and the URL it received can be checked.

let upstream: FakeBalldontlie;
let plugin: TestApp;

beforeAll(async () => {
  upstream = await startFakeBalldontlie();
  plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 0 });
});
afterAll(() => upstream.close());

/** Path and query of the last request the upstream received. */
const lastUpstreamUrl = () => decodeURIComponent(upstream.requests.at(-1)!.url);

describe('getPlayers', () => {
  it('searches by name, sending `search` and one page of 100', async () => {
    const res = await plugin.get('/players?query=davis');
    expect(res.status).toBe(200);
    const players = res.body.data as { first_name: string; last_name: string; team: Team }[];
    expect(players.length).toBeGreaterThan(0);
    for (const p of players)
      expect(`${p.first_name} ${p.last_name}`.toLowerCase()).toContain('davis');
    expect(players[0]!.team.full_name).toBeTypeOf('string');
    expect(lastUpstreamUrl()).toBe('/v1/players?per_page=100&search=davis');
  });

  it('lists players when the query is missing or blank, sending no `search`', async () => {
    for (const path of ['/players', '/players?query=', '/players?query=%20%20']) {
      const res = await plugin.get(path);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(100);
      expect(lastUpstreamUrl()).toBe('/v1/players?per_page=100');
    }
  });

  it('answers an empty list when nobody matches', async () => {
    const res = await plugin.get('/players?query=zzzz');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});

describe('getTeams', () => {
  it('lists the 30 NBA teams from `/teams`', async () => {
    const res = await plugin.get('/teams');
    expect(res.status).toBe(200);
    const teams = res.body.data as Team[];
    expect(teams).toHaveLength(30);
    expect(teams.find((t) => t.abbreviation === 'LAL')).toEqual({
      id: 14,
      conference: 'West',
      division: 'Pacific',
      city: 'Los Angeles',
      name: 'Lakers',
      full_name: 'Los Angeles Lakers',
      abbreviation: 'LAL',
    });
    expect(teams.filter((t) => t.conference === 'East')).toHaveLength(15);
    expect(lastUpstreamUrl()).toBe('/v1/teams');
  });
});

describe('getGames', () => {
  it('filters by season, team and dates, forwarding arrays as `name[]` and limit as per_page', async () => {
    const res = await plugin.get(
      '/games?limit=5&seasons=2024&team_ids=14&start_date=2025-01-01&end_date=2025-01-31',
    );
    expect(res.status).toBe(200);
    const games = res.body.data as Game[];
    expect(games).toHaveLength(5);
    for (const g of games) {
      expect(g.season).toBe(2024);
      expect([g.home_team.id, g.visitor_team.id]).toContain(14);
      expect(g.date >= '2025-01-01' && g.date <= '2025-01-31').toBe(true);
    }
    expect(res.body.meta).toMatchObject({ per_page: 5, next_cursor: games[4]!.id });
    expect(lastUpstreamUrl()).toBe(
      '/v1/games?end_date=2025-01-31&per_page=5&seasons[]=2024&start_date=2025-01-01&team_ids[]=14',
    );
  });

  it('takes several seasons, and gives 25 games when no limit is given', async () => {
    const res = await plugin.get('/games?seasons=2023&seasons=2024&team_ids=7');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(25);
    expect(lastUpstreamUrl()).toBe(
      '/v1/games?per_page=25&seasons[]=2023&seasons[]=2024&team_ids[]=7',
    );
  });

  it('filters by a date range alone', async () => {
    const res = await plugin.get('/games?start_date=2024-12-25&end_date=2024-12-25&limit=100');
    expect(res.status).toBe(200);
    const games = res.body.data as Game[];
    expect(games.length).toBeGreaterThan(0);
    expect(games.every((g) => g.date === '2024-12-25')).toBe(true);
  });
});

describe('getStats', () => {
  it("gives a player's line in a game, with player, team and game", async () => {
    const res = await plugin.get(
      '/stats?limit=5&player_ids=198&game_ids=1752&start_date=2025-01-01&end_date=2025-01-31',
    );
    expect(res.status).toBe(200);
    const [line, ...rest] = res.body.data as Stat[];
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      player: { id: 198, team_id: 14 },
      game: { id: 1752 },
      team: { id: 14 },
    });
    expect(lastUpstreamUrl()).toBe(
      '/v1/stats?end_date=2025-01-31&game_ids[]=1752&per_page=5&player_ids[]=198&start_date=2025-01-01',
    );
  });

  it('takes player_ids and game_ids in either array form', async () => {
    const res = await plugin.get(
      '/stats?player_ids[]=198&player_ids=199&game_ids[]=1752&game_ids[]=1761',
    );
    expect(res.status).toBe(200);
    const lines = res.body.data as Stat[];
    expect(lines.map((l) => `${l.game.id}/${l.player.id}`).sort()).toEqual([
      '1752/198',
      '1752/199',
      '1761/198',
      '1761/199',
    ]);
    expect(lastUpstreamUrl()).toBe(
      '/v1/stats?game_ids[]=1752&game_ids[]=1761&per_page=25&player_ids[]=198&player_ids[]=199',
    );
  });

  it("gives a player's games in a date range, the box score adding up to the game's score", async () => {
    const res = await plugin.get(
      '/stats?player_ids=198&start_date=2025-03-01&end_date=2025-03-31&limit=100',
    );
    expect(res.status).toBe(200);
    const lines = res.body.data as Stat[];
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.player.id === 198 && l.game.date.startsWith('2025-03'))).toBe(true);
    const game = lines[0]!.game as Stat['game'] & { home_team_id: number; home_team_score: number };
    const box = await plugin.get(`/stats?game_ids=${game.id}&limit=100`);
    const home = (box.body.data as (Stat & { team: { id: number } })[]).filter(
      (l) => l.team.id === game.home_team_id,
    );
    expect(home.reduce((sum, l) => sum + l.pts, 0)).toBe(game.home_team_score);
  });
});

describe('getSeasonAverages', () => {
  it('averages the given players over a season', async () => {
    const res = await plugin.get('/season_averages?season=2023&player_ids=198&player_ids[]=199');
    expect(res.status).toBe(200);
    const averages = res.body.data as {
      player_id: number;
      season: number;
      games_played: number;
      pts: number;
      min: string;
    }[];
    expect(averages.map((a) => [a.player_id, a.season])).toEqual([
      [198, 2023],
      [199, 2023],
    ]);
    expect(averages[0]!.games_played).toBe(82);
    expect(averages[0]!.pts).toBeGreaterThan(5);
    expect(averages[0]!.min).toMatch(/^\d+:\d\d$/);
    expect(lastUpstreamUrl()).toBe(
      '/v1/season_averages?player_ids[]=198&player_ids[]=199&season=2023',
    );
  });

  it("leaves the season to the upstream's default, its current season, when none is given", async () => {
    const res = await plugin.get('/season_averages?player_ids=198');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([{ player_id: 198, season: 2024 }]);
    expect(lastUpstreamUrl()).toBe('/v1/season_averages?player_ids[]=198');
  });

  it('answers an empty list for a season nobody played', async () => {
    const res = await plugin.get('/season_averages?player_ids=198&season=1999');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
