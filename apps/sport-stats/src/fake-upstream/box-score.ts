import { BUILD, type Rated } from './players';
import type { Random } from './random';
import { FIELDS, type StatColumns } from './stat-columns';

export { round2, round3 } from './stat-columns';

/** The rows one team's box score took in the columns: `[first, end)`. */
export interface BoxRows {
  first: number;
  end: number;
}

// One scratch row for every line, in `FIELDS` order: 60,000 short-lived objects cost start-up time.
const scratch = new Float64Array(FIELDS.length);

// One team's box score: who played, for how long, and what they did, appended to `columns`
// (some 60,000 lines in all, so they go straight into the typed arrays, not into objects).
export function boxScore(
  random: Random,
  roster: Rated[],
  gameId: number,
  columns: StatColumns,
): BoxRows {
  const playing = roster.filter((p) => p.role !== 'bench' || random.next() < 0.45);
  const wanted = playing.map((p) => Math.max(1, p.minutes + random.int(-5, 5)));
  const scale = 240 / wanted.reduce((a, b) => a + b, 0);
  const minutes = wanted.map((m) => Math.max(1, Math.round(m * scale)));
  minutes[0]! += 240 - minutes.reduce((a, b) => a + b, 0);
  const first = columns.length;
  const jitter = () => 0.7 + random.next() * 0.6;
  playing.forEach((p, i) => {
    const m = minutes[i]!;
    const build = BUILD[p.player.position]!;
    const r = p.rating;
    // The draws keep their order (the dataset is the same, id for id, as when lines were objects).
    const fga = Math.round(m * (0.19 + 0.24 * r) * jitter());
    const fg3a = Math.min(fga, Math.round(fga * build.three * jitter()));
    const fg3m = random.binomial(fg3a, 0.29 + 0.12 * r);
    const inside = 0.45 + 0.12 * r + (p.player.position === 'C' ? 0.06 : 0);
    const fg2m = random.binomial(fga - fg3a, inside);
    const fta = Math.round(m * (0.05 + 0.12 * r) * jitter());
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
  });
  return { first, end: columns.length };
}

export function points(columns: StatColumns, rows: BoxRows): number {
  let total = 0;
  for (let row = rows.first; row < rows.end; row++) total += columns.get(row, 'pts');
  return total;
}
