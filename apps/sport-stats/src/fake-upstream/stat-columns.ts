import type { GameRef, PlayerRef, StatLine } from './dataset-types';
import type { Team } from './teams';

export const round3 = (value: number) => Math.round(value * 1000) / 1000;
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** The counts a box-score line stores; its percentages and `reb` are worked out from them. */
export const COUNTS = [
  'fgm',
  'fga',
  'fg3m',
  'fg3a',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'ast',
  'stl',
  'blk',
  'turnover',
  'pf',
  'pts',
] as const;
export type Count = (typeof COUNTS)[number];

const MAX_BYTE = 255;

/**
 * Every box-score line of the offline upstream, one typed-array column per field: about 1.3 MB
 * for the two seasons' 60,000 lines, where the same lines as objects held some 15 MiB of heap and
 * building them grew the heap by 40 MiB more (measured in sport-stats' idle RSS, issue 7). A line
 * becomes an object only when an answer holds it (`line`). Ids are row numbers from 1.
 */
export class StatColumns {
  length = 0;
  readonly min: Uint8Array;
  readonly player: Uint16Array;
  readonly game: Uint16Array;
  readonly counts: Record<Count, Uint8Array>;

  /**
   * `players`, `teams` and `games` are looked up by id - 1 when a line is made; `games` may still
   * be growing while lines are added.
   */
  constructor(
    capacity: number,
    private readonly players: readonly PlayerRef[],
    private readonly teams: readonly Team[],
    private readonly games: readonly GameRef[],
  ) {
    this.min = new Uint8Array(capacity);
    this.player = new Uint16Array(capacity);
    this.game = new Uint16Array(capacity);
    this.counts = Object.fromEntries(COUNTS.map((k) => [k, new Uint8Array(capacity)])) as Record<
      Count,
      Uint8Array
    >;
  }

  /** Appends a line and returns its row (id - 1); throws rather than wrap a value past a byte. */
  add(playerId: number, gameId: number, minutes: number, counts: Record<Count, number>): number {
    const row = this.length;
    if (row >= this.min.length) throw new RangeError('more box-score lines than the capacity');
    byte(minutes, 'min');
    for (const k of COUNTS) byte(counts[k], k);
    this.min[row] = minutes;
    this.player[row] = playerId;
    this.game[row] = gameId;
    for (const k of COUNTS) this.counts[k][row] = counts[k];
    return this.length++;
  }

  /** The game a line belongs to, without making the line. */
  gameOf(id: number): GameRef {
    return this.games[this.game[id - 1]! - 1]!;
  }

  /** The line with this id, as balldontlie answers it; undefined when there is none. */
  line(id: number): StatLine | undefined {
    const row = id - 1;
    if (!Number.isInteger(row) || row < 0 || row >= this.length) return undefined;
    const c = (k: Count) => this.counts[k][row]!;
    const [fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb] = [
      c('fgm'),
      c('fga'),
      c('fg3m'),
      c('fg3a'),
      c('ftm'),
      c('fta'),
      c('oreb'),
      c('dreb'),
    ];
    const player = this.players[this.player[row]! - 1]!;
    // Key order as balldontlie's, so an answer reads the same as before the columns.
    return {
      id,
      min: String(this.min[row]),
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
      ast: c('ast'),
      stl: c('stl'),
      blk: c('blk'),
      turnover: c('turnover'),
      pf: c('pf'),
      pts: c('pts'),
      player,
      team: this.teams[player.team_id - 1]!,
      game: this.gameOf(id),
    };
  }

  /** The ids of one player's lines, in order. */
  idsOf(playerId: number): number[] {
    const ids: number[] = [];
    for (let row = 0; row < this.length; row++)
      if (this.player[row] === playerId) ids.push(row + 1);
    return ids;
  }
}

function byte(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_BYTE) {
    throw new RangeError(`box-score \`${name}\` ${value} does not fit a byte`);
  }
}
