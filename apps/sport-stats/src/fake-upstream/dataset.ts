import { TEAMS } from './teams';
import { boxScore, points } from './box-score';
import { makePlayers, PLAYERS_PER_TEAM, type Rated } from './players';
import { prng } from './random';
import { schedule } from './schedule';
import { StatColumns } from './stat-columns';
import type { Dataset, DatasetParts, Game, GameRef } from './dataset-types';

// The offline upstream's data: the 30 real NBA teams, and invented players, a full regular season
// schedule for each of SEASONS and a box score for every game. It is generated, not stored, from
// a fixed seed, so every run (and every machine) sees the same ids and numbers. Players are
// invented on purpose: made-up stats must not be pinned on real people.

/** Seasons the offline upstream knows, by the year they began; the last is "the current one". */
export const SEASONS = [2023, 2024] as const;
export { PLAYERS_PER_TEAM } from './players';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Makes the whole dataset as plain data, deterministically: what the worker thread sends back
 * (`build-in-worker.ts`); `assemble` makes it the `Dataset`.
 */
export function buildParts(seed = 20241022): DatasetParts {
  const random = prng(seed);
  const rated = makePlayers(random);
  const rosters = new Map<number, Rated[]>();
  for (const p of rated) {
    const list = rosters.get(p.player.team.id) ?? [];
    list.push(p);
    rosters.set(p.player.team.id, list);
  }
  const refs: GameRef[] = [];
  // At most every player of both teams in every game: 82 rounds of 15 games a season.
  const capacity = SEASONS.length * 82 * (TEAMS.length / 2) * 2 * PLAYERS_PER_TEAM;
  const playerRefs = rated.map((p) => p.ref);
  const lines = new StatColumns(capacity, playerRefs, TEAMS, refs);
  for (const season of SEASONS) {
    const opening = Date.UTC(season, 9, 22); // 22 October
    schedule(random).forEach((pairs, round) => {
      // A round is played over two days, and every tenth round is followed by a day off, so
      // games are made in date order and their ids (like the real API's) follow the calendar.
      const day = 2 * round + Math.floor(round / 10);
      pairs.forEach(([home, visitor], slot) => {
        const date = isoDate(new Date(opening + (day + (slot < 8 ? 0 : 1)) * 86_400_000));
        const ref: GameRef = {
          id: refs.length + 1,
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
      });
    });
  }
  const players = rated.map((p) => p.player);
  return { teams: TEAMS, players, playerRefs, gameRefs: refs, columns: lines.data() };
}

/** The dataset over its parts, which it uses as they are (a worker's copy or this thread's). */
export function assemble(parts: DatasetParts): Dataset {
  const { teams, players, playerRefs, gameRefs, columns } = parts;
  const lines = new StatColumns(columns, playerRefs, teams, gameRefs);
  // A game as an answer holds it, made when asked for: the 2,460 as objects, besides their refs,
  // kept some 2 MiB more of the plugin's heap resident (issue 7).
  const game = (id: number): Game | undefined => {
    const ref = gameRefs[id - 1];
    if (!ref) return undefined;
    const { home_team_id, visitor_team_id, ...rest } = ref;
    return {
      ...rest,
      home_team: teams[home_team_id - 1]!,
      visitor_team: teams[visitor_team_id - 1]!,
    };
  };
  return {
    teams,
    players,
    gameRefs,
    game,
    get games() {
      return gameRefs.map((ref) => game(ref.id)!);
    },
    lines,
    get stats() {
      return Array.from({ length: lines.length }, (_, row) => lines.line(row + 1)!);
    },
    currentSeason: SEASONS[SEASONS.length - 1]!,
  };
}

/**
 * Builds the whole dataset in this thread; deterministic. Use `dataset()`, which builds it once,
 * or `buildDatasetInWorker()`, which keeps the garbage of making it out of this thread's heap.
 */
export function buildDataset(seed = 20241022): Dataset {
  return assemble(buildParts(seed));
}

let built: Dataset | undefined;

/** The dataset, built on first use and shared after that. */
export function dataset(): Dataset {
  built ??= buildDataset();
  return built;
}
