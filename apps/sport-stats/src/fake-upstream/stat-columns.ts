import type { ColumnData, GameRef, PlayerRef, StatLine } from './dataset-types';
import type { Team } from './teams';

export const round3 = (value: number) => Math.round(value * 1000) / 1000;
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** The numbers a box-score line stores, in this order; its percentages and `reb` are worked out. */
export const FIELDS = [
  'min',
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
export type Field = (typeof FIELDS)[number];
const WIDTH = FIELDS.length;
const AT = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;
const MAX_BYTE = 255;

/**
 * Every box-score line of the offline upstream, a byte per number in one typed array: about 1.1
 * MB for the two seasons' 60,000 lines, where the same lines as objects held some 15 MiB of heap
 * and building them grew the heap by 30 MiB more (sport-stats' idle RSS, issue 7). A line becomes
 * an object only when an answer holds it (`line`). Ids are row numbers from 1.
 */
export class StatColumns {
  length: number;
  private readonly capacity: number;
  private readonly cells: Uint8Array<ArrayBuffer>;
  private readonly players: Uint16Array<ArrayBuffer>;
  private readonly games: Uint16Array<ArrayBuffer>;

  /**
   * Room for `capacity` lines, or the lines of `data` (made by `data()`, maybe in another
   * thread). `playerRefs`, `teams` and `gameRefs` are looked up by id - 1 when a line is made;
   * `gameRefs` may still be growing while lines are added.
   */
  constructor(
    capacity: number | ColumnData,
    private readonly playerRefs: readonly PlayerRef[],
    private readonly teams: readonly Team[],
    private readonly gameRefs: readonly GameRef[],
  ) {
    const data = typeof capacity === 'number' ? undefined : capacity;
    this.length = data?.length ?? 0;
    this.capacity = data?.players.length ?? (capacity as number);
    this.cells = data?.cells ?? new Uint8Array(this.capacity * WIDTH);
    this.players = data?.players ?? new Uint16Array(this.capacity);
    this.games = data?.games ?? new Uint16Array(this.capacity);
  }

  /** Copies of the arrays, cut to the lines there are: to send (transfer) to another thread. */
  data(): ColumnData {
    return {
      length: this.length,
      cells: this.cells.slice(0, this.length * WIDTH),
      players: this.players.slice(0, this.length),
      games: this.games.slice(0, this.length),
    };
  }

  /**
   * Appends a line, `values` in `FIELDS` order, and returns its row (id - 1); throws, adding
   * nothing, rather than wrap a value past a byte.
   */
  add(playerId: number, gameId: number, values: ArrayLike<number>): number {
    const row = this.length;
    if (row >= this.capacity) throw new RangeError('more box-score lines than the capacity');
    for (let i = 0; i < WIDTH; i++) {
      const value = values[i]!;
      if (!(value >= 0 && value <= MAX_BYTE && Number.isInteger(value))) {
        throw new RangeError(`box-score \`${FIELDS[i]}\` ${value} does not fit a byte`);
      }
    }
    this.cells.set(values, row * WIDTH);
    this.players[row] = playerId;
    this.games[row] = gameId;
    return this.length++;
  }

  /** One number of a row. */
  get(row: number, field: Field): number {
    return this.cells[row * WIDTH + AT[field]]!;
  }

  /** Adds one to a number of a row (the tie-break's extra free throw). */
  bump(row: number, field: Field): void {
    this.cells[row * WIDTH + AT[field]]! += 1;
  }

  playerOf(id: number): number {
    return this.players[id - 1]!;
  }

  gameIdOf(id: number): number {
    return this.games[id - 1]!;
  }

  /** The game a line belongs to, without making the line. */
  gameOf(id: number): GameRef {
    return this.gameRefs[this.games[id - 1]! - 1]!;
  }

  /** The line with this id, as balldontlie answers it; undefined when there is none. */
  line(id: number): StatLine | undefined {
    const row = id - 1;
    if (!Number.isInteger(row) || row < 0 || row >= this.length) return undefined;
    const c = this.cells.subarray(row * WIDTH, row * WIDTH + WIDTH);
    const [min, fgm, fga, fg3m, fg3a, ftm, fta, oreb, dreb, ast, stl, blk, turnover, pf, pts] =
      c as unknown as number[];
    const player = this.playerRefs[this.players[row]! - 1]!;
    // Key order as balldontlie's, so an answer reads the same as before the columns.
    return {
      id,
      min: String(min),
      fgm: fgm!,
      fga: fga!,
      fg_pct: fga ? round3(fgm! / fga) : 0,
      fg3m: fg3m!,
      fg3a: fg3a!,
      fg3_pct: fg3a ? round3(fg3m! / fg3a) : 0,
      ftm: ftm!,
      fta: fta!,
      ft_pct: fta ? round3(ftm! / fta) : 0,
      oreb: oreb!,
      dreb: dreb!,
      reb: oreb! + dreb!,
      ast: ast!,
      stl: stl!,
      blk: blk!,
      turnover: turnover!,
      pf: pf!,
      pts: pts!,
      player,
      team: this.teams[player.team_id - 1]!,
      game: this.gameOf(id),
    };
  }

  /** The ids of one player's lines, in order. */
  idsOf(playerId: number): number[] {
    const ids: number[] = [];
    for (let row = 0; row < this.length; row++)
      if (this.players[row] === playerId) ids.push(row + 1);
    return ids;
  }
}
