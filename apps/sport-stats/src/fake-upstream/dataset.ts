import { TEAMS } from './teams';
import { boxScore, points } from './box-score';
import { makePlayers, PLAYERS_PER_TEAM, type Rated } from './players';
import { prng, type Random } from './random';
import { round2, round3, StatColumns } from './stat-columns';
import type { Game, GameRef, StatLine, SeasonAverage, Dataset } from './dataset-types';

// The offline upstream's data: the 30 real NBA teams, and invented players, a full regular season
// schedule for each of SEASONS and a box score for every game. It is generated, not stored, from
// a fixed seed, so every run (and every machine) sees the same ids and numbers. Players are
// invented on purpose: made-up stats must not be pinned on real people.

/** Seasons the offline upstream knows, by the year they began; the last is "the current one". */
export const SEASONS = [2023, 2024] as const;
export { PLAYERS_PER_TEAM } from './players';

function schedule(random: Random): [home: number, visitor: number][][] {
  const ids = TEAMS.map((t) => t.id);
  const base: [number, number][][] = [];
  const circle = ids.slice(1);
  for (let round = 0; round < ids.length - 1; round++) {
    const order = [ids[0]!, ...circle];
    const pairs: [number, number][] = [];
    for (let i = 0; i < ids.length / 2; i++) {
      const a = order[i]!;
      const b = order[order.length - 1 - i]!;
      pairs.push(round % 2 === 0 ? [a, b] : [b, a]);
    }
    base.push(pairs);
    circle.unshift(circle.pop()!);
  }
  const swapped = base.map((pairs) => pairs.map(([h, v]) => [v, h] as [number, number]));
  const extra = base.slice(0, 24).map((pairs, i) => (i % 2 === 0 ? pairs : swapped[i]!));
  const rounds = [...base, ...swapped, ...extra];
  // Shuffle the rounds (Fisher–Yates) so that rematches do not come in a row.
  for (let i = rounds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [rounds[i], rounds[j]] = [rounds[j]!, rounds[i]!];
  }
  return rounds;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Builds the whole dataset; deterministic. Use `dataset()`, which builds it once. */
export function buildDataset(seed = 20241022): Dataset {
  const random = prng(seed);
  const rated = makePlayers(random);
  const rosters = new Map<number, Rated[]>();
  for (const p of rated) {
    const list = rosters.get(p.player.team.id) ?? [];
    list.push(p);
    rosters.set(p.player.team.id, list);
  }
  const team = (id: number) => TEAMS[id - 1]!;
  const games: Game[] = [];
  const refs: GameRef[] = [];
  // At most every player of both teams in every game: 82 rounds of 15 games a season.
  const capacity = SEASONS.length * 82 * (TEAMS.length / 2) * 2 * PLAYERS_PER_TEAM;
  const lines = new StatColumns(
    capacity,
    rated.map((p) => p.ref),
    TEAMS,
    refs,
  );
  for (const season of SEASONS) {
    const opening = Date.UTC(season, 9, 22); // 22 October
    schedule(random).forEach((pairs, round) => {
      // A round is played over two days, and every tenth round is followed by a day off, so
      // games are made in date order and their ids (like the real API's) follow the calendar.
      const day = 2 * round + Math.floor(round / 10);
      pairs.forEach(([home, visitor], slot) => {
        const date = isoDate(new Date(opening + (day + (slot < 8 ? 0 : 1)) * 86_400_000));
        const ref: GameRef = {
          id: games.length + 1,
          date,
          datetime: `${date}T23:30:00.000Z`,
          season,
          status: 'Final',
          period: 4,
          time: 'Final',
          postseason: false,
          home_team_score: 0,
          visitor_team_score: 0,
          home_team_id: home,
          visitor_team_id: visitor,
        };
        refs.push(ref);
        const homeBox = boxScore(random, rosters.get(home)!, ref.id, lines);
        const visitorBox = boxScore(random, rosters.get(visitor)!, ref.id, lines);
        if (points(lines, homeBox) === points(lines, visitorBox)) {
          // No ties in basketball: the home side's first name on the sheet hits one more free throw.
          for (const k of ['ftm', 'fta', 'pts'] as const) lines.bump(homeBox.first, k);
        }
        ref.home_team_score = points(lines, homeBox);
        ref.visitor_team_score = points(lines, visitorBox);
        const { home_team_id, visitor_team_id, ...game } = ref;
        games.push({ ...game, home_team: team(home_team_id), visitor_team: team(visitor_team_id) });
      });
    });
  }
  return {
    teams: TEAMS,
    players: rated.map((p) => p.player),
    games,
    lines,
    get stats() {
      return Array.from({ length: lines.length }, (_, row) => lines.line(row + 1)!);
    },
    currentSeason: SEASONS[SEASONS.length - 1]!,
  };
}

let built: Dataset | undefined;

/** The dataset, built on first use and shared after that. */
export function dataset(): Dataset {
  built ??= buildDataset();
  return built;
}

/** A player's regular-season averages, as balldontlie's `/season_averages` gives them. */
export function seasonAverage(
  lines: readonly StatLine[],
  playerId: number,
  season: number,
): SeasonAverage | undefined {
  const games = lines.filter((line) => line.game.season === season && !line.game.postseason);
  if (!games.length) return undefined;
  const total = (key: keyof StatLine) => games.reduce((sum, line) => sum + Number(line[key]), 0);
  const avg = (key: keyof StatLine) => round2(total(key) / games.length);
  const seconds = Math.round((total('min') * 60) / games.length);
  const ratio = (made: keyof StatLine, tried: keyof StatLine) =>
    total(tried) ? round3(total(made) / total(tried)) : 0;
  return {
    games_played: games.length,
    player_id: playerId,
    season,
    min: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
    fgm: avg('fgm'),
    fga: avg('fga'),
    fg3m: avg('fg3m'),
    fg3a: avg('fg3a'),
    ftm: avg('ftm'),
    fta: avg('fta'),
    oreb: avg('oreb'),
    dreb: avg('dreb'),
    reb: avg('reb'),
    ast: avg('ast'),
    stl: avg('stl'),
    blk: avg('blk'),
    turnover: avg('turnover'),
    pf: avg('pf'),
    pts: avg('pts'),
    fg_pct: ratio('fgm', 'fga'),
    fg3_pct: ratio('fg3m', 'fg3a'),
    ft_pct: ratio('ftm', 'fta'),
  };
}
