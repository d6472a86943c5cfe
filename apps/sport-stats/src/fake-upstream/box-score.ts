import { BUILD, PLAYERS_PER_TEAM, type Rated } from './players';
import type { Random } from './random';
import { FIELDS, type StatColumns } from './stat-columns';

export { round2, round3 } from './stat-columns';

/** The rows one team's box score took in the columns: `[first, end)`. */
export interface BoxRows {
  first: number;
  end: number;
}

// Scratch space reused by every box score, and loops, not filter/map/forEach with closures: made
// for 4,920 box scores, those were much of the garbage of making the dataset, and their new
// closures had V8 optimize the same code again and again (20 compilations where 7 do now).
const scratch = new Float64Array(FIELDS.length);
const playing: Rated[] = [];
const minutes = new Float64Array(PLAYERS_PER_TEAM);
const jitter = (random: Random) => 0.7 + random.next() * 0.6;

// One team's box score: who played, for how long, and what they did, appended to `columns`
// (some 60,000 lines in all, so they go straight into the typed arrays, not into objects).
// The random draws keep their order: the dataset is the same, id for id, as it ever was.
export function boxScore(
  random: Random,
  roster: Rated[],
  gameId: number,
  columns: StatColumns,
): BoxRows {
  playing.length = 0;
  for (const p of roster) if (p.role !== 'bench' || random.next() < 0.45) playing.push(p);
  let wanted = 0;
  for (let i = 0; i < playing.length; i++) {
    minutes[i] = Math.max(1, playing[i]!.minutes + random.int(-5, 5));
    wanted += minutes[i]!;
  }
  const scale = 240 / wanted;
  let total = 0;
  for (let i = 0; i < playing.length; i++) {
    minutes[i] = Math.max(1, Math.round(minutes[i]! * scale));
    total += minutes[i]!;
  }
  minutes[0]! += 240 - total;
  const first = columns.length;
  for (let i = 0; i < playing.length; i++) {
    const p = playing[i]!;
    const m = minutes[i]!;
    const build = BUILD[p.player.position]!;
    const r = p.rating;
    const fga = Math.round(m * (0.19 + 0.24 * r) * jitter(random));
    const fg3a = Math.min(fga, Math.round(fga * build.three * jitter(random)));
    const fg3m = random.binomial(fg3a, 0.29 + 0.12 * r);
    const inside = 0.45 + 0.12 * r + (p.player.position === 'C' ? 0.06 : 0);
    const fg2m = random.binomial(fga - fg3a, inside);
    const fta = Math.round(m * (0.05 + 0.12 * r) * jitter(random));
    const ftm = random.binomial(fta, 0.68 + 0.2 * r);
    const oreb = random.binomial(m, build.oreb);
    const dreb = random.binomial(m, build.dreb);
    const c = scratch;
    c[0] = m;
    c[1] = fg2m + fg3m;
    c[2] = fga;
    c[3] = fg3m;
    c[4] = fg3a;
    c[5] = ftm;
    c[6] = fta;
    c[7] = oreb;
    c[8] = dreb;
    c[9] = random.binomial(m, Math.min(0.35, build.ast * (0.6 + 0.8 * r)));
    c[10] = random.binomial(m, 0.028);
    c[11] = random.binomial(m, build.blk);
    c[12] = random.binomial(m, 0.04 + 0.03 * r);
    c[13] = Math.min(6, random.binomial(m, 0.07));
    c[14] = 2 * fg2m + 3 * fg3m + ftm;
    columns.add(p.player.id, gameId, c);
  }
  return { first, end: columns.length };
}

export function points(columns: StatColumns, rows: BoxRows): number {
  let total = 0;
  for (let row = rows.first; row < rows.end; row++) total += columns.get(row, 'pts');
  return total;
}
