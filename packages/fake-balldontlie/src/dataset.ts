import { TEAMS } from './teams';
import { boxScore, points, round3 } from './box-score';
import { makePlayers, type Rated } from './players';
import { prng } from './random';
import { schedule } from './schedule';
import type { Dataset, Game, GameRef, StatLine } from './dataset-types';

// The fake's data: the 30 real NBA teams, and invented players, a full regular season
// schedule for each of SEASONS and a box score for every game. It is generated, not stored, from
// a fixed seed, so every run (and every machine) sees the same ids and numbers. Players are
// invented on purpose: made-up stats must not be pinned on real people.

/** Seasons the fake knows, by the year they began; the last is "the current one". */
export const SEASONS = [2023, 2024] as const;
export { PLAYERS_PER_TEAM } from './players';

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
  const stats: StatLine[] = [];
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
        const homeBox = boxScore(random, rosters.get(home)!, team(home), ref);
        const visitorBox = boxScore(random, rosters.get(visitor)!, team(visitor), ref);
        if (points(homeBox) === points(visitorBox)) {
          // No ties in basketball: the home side's first name on the sheet hits one more free throw.
          const line = homeBox[0]!;
          line.ftm += 1;
          line.fta += 1;
          line.ft_pct = round3(line.ftm / line.fta);
          line.pts += 1;
        }
        ref.home_team_score = points(homeBox);
        ref.visitor_team_score = points(visitorBox);
        games.push({
          id: ref.id,
          date,
          datetime: ref.datetime,
          season,
          status: ref.status,
          period: ref.period,
          time: ref.time,
          postseason: ref.postseason,
          home_team_score: ref.home_team_score,
          visitor_team_score: ref.visitor_team_score,
          home_team: team(home),
          visitor_team: team(visitor),
        });
        for (const line of [...homeBox, ...visitorBox]) {
          line.id = stats.length + 1;
          stats.push(line);
        }
      });
    });
  }
  const statsByPlayer = new Map<number, StatLine[]>();
  for (const line of stats) {
    const list = statsByPlayer.get(line.player.id) ?? [];
    list.push(line);
    statsByPlayer.set(line.player.id, list);
  }
  return {
    teams: TEAMS,
    players: rated.map((p) => p.player),
    games,
    stats,
    statsByPlayer,
    currentSeason: SEASONS[SEASONS.length - 1]!,
  };
}

let built: Dataset | undefined;

/** The dataset, built on first use and shared after that. */
export function dataset(): Dataset {
  built ??= buildDataset();
  return built;
}
