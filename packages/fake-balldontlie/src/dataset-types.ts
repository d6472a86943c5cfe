import type { Team } from './teams';

// The shapes of the fake's data, as balldontlie v1 answers them.

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
  games: readonly Game[];
  stats: readonly StatLine[];
  statsByPlayer: ReadonlyMap<number, readonly StatLine[]>;
  currentSeason: number;
}
