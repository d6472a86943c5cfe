import type { StatColumns } from './stat-columns';
import type { Team } from './teams';

// The shapes of the offline upstream's data, as balldontlie v1 answers them.

export interface Player {
  id: number;
  first_name: string;
  last_name: string;
  position: string;
  height: string;
  weight: string;
  jersey_number: string;
  college: string | null;
  country: string;
  draft_year: number | null;
  draft_round: number | null;
  draft_number: number | null;
  team: Team;
}

/** A player as a box-score line names them: the team as an id. */
export type PlayerRef = Omit<Player, 'team'> & { team_id: number };

export interface Game {
  id: number;
  date: string;
  datetime: string;
  season: number;
  status: string;
  period: number;
  time: string;
  postseason: boolean;
  home_team_score: number;
  visitor_team_score: number;
  home_team: Team;
  visitor_team: Team;
}

/** A game as a box-score line names it: the teams as ids. */
export type GameRef = Omit<Game, 'home_team' | 'visitor_team'> & {
  home_team_id: number;
  visitor_team_id: number;
};

/** The counting stats a box-score line and a season average share (balldontlie's names). */
export interface BoxCounts {
  fgm: number;
  fga: number;
  fg_pct: number;
  fg3m: number;
  fg3a: number;
  fg3_pct: number;
  ftm: number;
  fta: number;
  ft_pct: number;
  oreb: number;
  dreb: number;
  reb: number;
  ast: number;
  stl: number;
  blk: number;
  turnover: number;
  pf: number;
  pts: number;
}

export interface StatLine extends BoxCounts {
  id: number;
  min: string;
  player: PlayerRef;
  team: Team;
  game: GameRef;
}

export interface SeasonAverage extends BoxCounts {
  games_played: number;
  player_id: number;
  season: number;
  min: string;
}

export interface Dataset {
  teams: readonly Team[];
  players: readonly Player[];
  /** Every game as a box-score line names it (teams by id), in id order (ids from 1). */
  gameRefs: readonly GameRef[];
  /** The game with this id as balldontlie answers it, made anew; undefined when there is none. */
  game(id: number): Game | undefined;
  /** Every game as an object, made anew on each read: for tests and scripts. */
  readonly games: readonly Game[];
  /** Every box-score line, compactly; an answer makes objects of the lines it holds. */
  lines: StatColumns;
  /** Every line as an object, made anew on each read (60,000 of them): for tests and scripts. */
  readonly stats: readonly StatLine[];
  currentSeason: number;
}

/** A `StatColumns`' lines (`data()`) as plain data, which a thread can transfer to another. */
export interface ColumnData {
  length: number;
  /** `FIELDS.length` bytes a line. */
  cells: Uint8Array<ArrayBuffer>;
  /** Each line's player id and game id. */
  players: Uint16Array<ArrayBuffer>;
  games: Uint16Array<ArrayBuffer>;
}

/**
 * The dataset as plain data, which a worker thread can send (the columns' arrays transferred):
 * the players as objects and as box-score lines name them (the team by id), and the games as
 * lines name them.
 */
export interface DatasetParts {
  teams: readonly Team[];
  players: Player[];
  playerRefs: PlayerRef[];
  gameRefs: GameRef[];
  columns: ColumnData;
}
