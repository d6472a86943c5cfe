import type { GameRef, StatLine } from './dataset-types';
import { BUILD, type Rated } from './players';
import type { Random } from './random';
import type { Team } from './teams';

export const round3 = (value: number) => Math.round(value * 1000) / 1000;
export const round2 = (value: number) => Math.round(value * 100) / 100;

// One team's box score: who played, for how long, and what they did, each line in the shape
// balldontlie answers (its `id` is set once the game's lines are numbered).
export function boxScore(random: Random, roster: Rated[], team: Team, game: GameRef): StatLine[] {
  const playing = roster.filter((p) => p.role !== 'bench' || random.next() < 0.45);
  const wanted = playing.map((p) => Math.max(1, p.minutes + random.int(-5, 5)));
  const scale = 240 / wanted.reduce((a, b) => a + b, 0);
  const minutes = wanted.map((m) => Math.max(1, Math.round(m * scale)));
  minutes[0]! += 240 - minutes.reduce((a, b) => a + b, 0);
  return playing.map((p, i) => {
    const m = minutes[i]!;
    const build = BUILD[p.player.position]!;
    const r = p.rating;
    const jitter = () => 0.7 + random.next() * 0.6;
    const fga = Math.round(m * (0.19 + 0.24 * r) * jitter());
    const fg3a = Math.min(fga, Math.round(fga * build.three * jitter()));
    const fg3m = random.binomial(fg3a, 0.29 + 0.12 * r);
    const inside = 0.45 + 0.12 * r + (p.player.position === 'C' ? 0.06 : 0);
    const fg2m = random.binomial(fga - fg3a, inside);
    const fta = Math.round(m * (0.05 + 0.12 * r) * jitter());
    const ftm = random.binomial(fta, 0.68 + 0.2 * r);
    const oreb = random.binomial(m, build.oreb);
    const dreb = random.binomial(m, build.dreb);
    const fgm = fg2m + fg3m;
    return {
      id: 0,
      min: String(m),
      fgm,
      fga,
      fg_pct: fga ? round3(fgm / fga) : 0,
      fg3m,
      fg3a,
      fg3_pct: fg3a ? round3(fg3m / fg3a) : 0,
      ftm,
      fta,
      ft_pct: fta ? round3(ftm / fta) : 0,
      oreb,
      dreb,
      reb: oreb + dreb,
      ast: random.binomial(m, Math.min(0.35, build.ast * (0.6 + 0.8 * r))),
      stl: random.binomial(m, 0.028),
      blk: random.binomial(m, build.blk),
      turnover: random.binomial(m, 0.04 + 0.03 * r),
      pf: Math.min(6, random.binomial(m, 0.07)),
      pts: 2 * fg2m + 3 * fg3m + ftm,
      player: p.ref,
      team,
      game,
    };
  });
}

export const points = (box: StatLine[]) => box.reduce((total, line) => total + line.pts, 0);
