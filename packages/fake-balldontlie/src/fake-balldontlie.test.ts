import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, dataset, PLAYERS_PER_TEAM, SEASONS } from './dataset';
import { startFakeBalldontlie, type FakeBalldontlie } from './fake-balldontlie';

// The fake: its data has to look like the NBA's, and its API like balldontlie's v1, since a
// plugin is meant to talk to either without noticing the difference.

describe('the generated dataset', () => {
  const data = dataset();

  it('is the same on every build', () => {
    const again = buildDataset();
    expect(again.players.map((p) => `${p.first_name} ${p.last_name}`)).toEqual(
      data.players.map((p) => `${p.first_name} ${p.last_name}`),
    );
    expect(again.games.map((g) => g.home_team_score)).toEqual(
      data.games.map((g) => g.home_team_score),
    );
    expect(again.stats.length).toBe(data.stats.length);
  });

  it('has the 30 teams, 15 players each with unique names and jersey numbers', () => {
    expect(data.teams).toHaveLength(30);
    expect(new Set(data.teams.map((t) => t.abbreviation)).size).toBe(30);
    expect(data.players).toHaveLength(30 * PLAYERS_PER_TEAM);
    expect(new Set(data.players.map((p) => `${p.first_name} ${p.last_name}`)).size).toBe(
      data.players.length,
    );
    for (const team of data.teams) {
      const roster = data.players.filter((p) => p.team.id === team.id);
      expect(new Set(roster.map((p) => p.jersey_number)).size).toBe(PLAYERS_PER_TEAM);
    }
  });

  it('has a full regular season per season: 82 games a team, October to April, ids in date order', () => {
    for (const season of SEASONS) {
      const games = data.games.filter((g) => g.season === season);
      expect(games).toHaveLength(1230);
      for (const team of data.teams) {
        const played = games.filter(
          (g) => g.home_team.id === team.id || g.visitor_team.id === team.id,
        );
        expect(played).toHaveLength(82);
        expect(played.filter((g) => g.home_team.id === team.id).length).toBeGreaterThanOrEqual(38);
      }
      expect(games[0]!.date).toBe(`${season}-10-22`);
      expect(games.at(-1)!.date < `${season + 1}-04-20`).toBe(true);
    }
    expect(
      data.games.every(
        (g, i, games) => i === 0 || (g.id > games[i - 1]!.id && g.date >= games[i - 1]!.date),
      ),
    ).toBe(true);
  });

  it("has box scores that add up: 240 minutes a side, points from shots, and the game's score", () => {
    const byGame = new Map<number, typeof data.stats>();
    for (const line of data.stats)
      byGame.set(line.game.id, [...(byGame.get(line.game.id) ?? []), line]);
    for (const game of data.games.slice(0, 200)) {
      const lines = byGame.get(game.id)!;
      for (const [teamId, score] of [
        [game.home_team.id, game.home_team_score],
        [game.visitor_team.id, game.visitor_team_score],
      ] as const) {
        const side = lines.filter((l) => l.team.id === teamId);
        expect(side.reduce((sum, l) => sum + Number(l.min), 0)).toBe(240);
        expect(side.reduce((sum, l) => sum + l.pts, 0)).toBe(score);
      }
      expect(game.home_team_score).not.toBe(game.visitor_team_score);
    }
    for (const line of data.stats.slice(0, 2000)) {
      expect(line.pts).toBe(2 * (line.fgm - line.fg3m) + 3 * line.fg3m + line.ftm);
      expect(line.fgm).toBeLessThanOrEqual(line.fga);
      expect(line.fg3m).toBeLessThanOrEqual(line.fg3a);
      expect(line.fg3a).toBeLessThanOrEqual(line.fga);
      expect(line.ftm).toBeLessThanOrEqual(line.fta);
      expect(line.reb).toBe(line.oreb + line.dreb);
      expect(line.pf).toBeLessThanOrEqual(6);
    }
  });

  it('scores like the NBA: about 105 to 125 points a team a game on average', () => {
    const points = data.games.flatMap((g) => [g.home_team_score, g.visitor_team_score]);
    const mean = points.reduce((a, b) => a + b, 0) / points.length;
    expect(mean).toBeGreaterThan(105);
    expect(mean).toBeLessThan(125);
  });
});

describe('the fake over HTTP', () => {
  let upstream: FakeBalldontlie;
  beforeAll(async () => {
    upstream = await startFakeBalldontlie();
  });
  afterAll(() => upstream.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${upstream.url}${path}`, { headers });
    return {
      status: res.status,
      body: (await res.json()) as {
        data: { id: number }[];
        meta?: { next_cursor?: number; per_page: number };
      },
    };
  };

  it('listens on loopback under /v1', () => {
    expect(upstream.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it('pages with cursor and per_page, as the v1 API does', async () => {
    const first = await get('/games?per_page=3');
    expect(first.body.data.map((g) => g.id)).toEqual([1, 2, 3]);
    expect(first.body.meta).toEqual({ per_page: 3, next_cursor: 3 });
    const next = await get('/games?per_page=3&cursor=3');
    expect(next.body.data.map((g) => g.id)).toEqual([4, 5, 6]);
    const last = await get(`/games?per_page=100&cursor=${dataset().games.length - 2}`);
    expect(last.body.data).toHaveLength(2);
    expect(last.body.meta).toEqual({ per_page: 100 });
    expect((await get('/games')).body.data).toHaveLength(25);
  });

  it('reads arrays only in the name[] form, as the real API does', async () => {
    const bracketed = await get('/games?team_ids[]=14&per_page=100');
    expect(bracketed.body.data.every((g) => JSON.stringify(g).includes('"id":14,'))).toBe(true);
    const plain = await get('/games?team_ids=14&per_page=3');
    expect(plain.body.data.map((g) => g.id)).toEqual([1, 2, 3]);
  });

  it('answers single items, and 404 and 400 like an API', async () => {
    expect((await get('/teams/14')).body.data).toMatchObject({ abbreviation: 'LAL' });
    expect((await get('/players/198')).body.data).toMatchObject({ id: 198, team: { id: 14 } });
    expect((await get('/players/99999')).status).toBe(404);
    expect((await get('/nothing')).status).toBe(404);
    expect((await get('/games?per_page=101')).status).toBe(400);
    expect((await get('/games?start_date=tomorrow')).status).toBe(400);
    expect((await get('/stats?player_ids[]=x')).status).toBe(400);
  });

  it('takes the single player_id of the current API for season averages', async () => {
    const res = await get('/season_averages?player_id=198&season=2023');
    expect(res.body.data).toMatchObject([{ player_id: 198, season: 2023 }]);
  });

  it('checks the API key when it has one, as the real API does', async () => {
    const keyed = await startFakeBalldontlie({ apiKey: 'key-1' });
    try {
      expect((await fetch(`${keyed.url}/teams`)).status).toBe(401);
      const ok = await fetch(`${keyed.url}/teams`, { headers: { authorization: 'key-1' } });
      expect(ok.status).toBe(200);
      expect(keyed.requests.map((r) => r.authorization)).toEqual([undefined, 'key-1']);
    } finally {
      await keyed.close();
    }
  });

  it('answers only GET', async () => {
    expect((await fetch(`${upstream.url}/teams`, { method: 'POST' })).status).toBe(405);
  });

  it('answers a request whose target is not a URL with a 400, and keeps serving', async () => {
    // Written on a raw socket: an HTTP client would refuse to send this request line.
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(upstream.port, '127.0.0.1', () => {
        socket.end('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text)).on('error', reject);
      socket.setTimeout(5000, () => reject(new Error('no answer in 5 s')));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect((await get('/teams')).status).toBe(200);
  });
});
