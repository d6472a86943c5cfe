/** A team as balldontlie's v1 API returns it. */
export interface Team {
  id: number;
  conference: 'East' | 'West';
  division: 'Atlantic' | 'Central' | 'Southeast' | 'Northwest' | 'Pacific' | 'Southwest';
  city: string;
  name: string;
  full_name: string;
  abbreviation: string;
}

type Row = [abbreviation: string, city: string, name: string, division: Team['division']];

// The 30 NBA teams, numbered 1–30 in the order balldontlie numbers them (alphabetical by full
// name), so a team id from the fake means the same team on the real one.
const ROWS: Row[] = [
  ['ATL', 'Atlanta', 'Hawks', 'Southeast'],
  ['BOS', 'Boston', 'Celtics', 'Atlantic'],
  ['BKN', 'Brooklyn', 'Nets', 'Atlantic'],
  ['CHA', 'Charlotte', 'Hornets', 'Southeast'],
  ['CHI', 'Chicago', 'Bulls', 'Central'],
  ['CLE', 'Cleveland', 'Cavaliers', 'Central'],
  ['DAL', 'Dallas', 'Mavericks', 'Southwest'],
  ['DEN', 'Denver', 'Nuggets', 'Northwest'],
  ['DET', 'Detroit', 'Pistons', 'Central'],
  ['GSW', 'Golden State', 'Warriors', 'Pacific'],
  ['HOU', 'Houston', 'Rockets', 'Southwest'],
  ['IND', 'Indiana', 'Pacers', 'Central'],
  ['LAC', 'LA', 'Clippers', 'Pacific'],
  ['LAL', 'Los Angeles', 'Lakers', 'Pacific'],
  ['MEM', 'Memphis', 'Grizzlies', 'Southwest'],
  ['MIA', 'Miami', 'Heat', 'Southeast'],
  ['MIL', 'Milwaukee', 'Bucks', 'Central'],
  ['MIN', 'Minnesota', 'Timberwolves', 'Northwest'],
  ['NOP', 'New Orleans', 'Pelicans', 'Southwest'],
  ['NYK', 'New York', 'Knicks', 'Atlantic'],
  ['OKC', 'Oklahoma City', 'Thunder', 'Northwest'],
  ['ORL', 'Orlando', 'Magic', 'Southeast'],
  ['PHI', 'Philadelphia', '76ers', 'Atlantic'],
  ['PHX', 'Phoenix', 'Suns', 'Pacific'],
  ['POR', 'Portland', 'Trail Blazers', 'Northwest'],
  ['SAC', 'Sacramento', 'Kings', 'Pacific'],
  ['SAS', 'San Antonio', 'Spurs', 'Southwest'],
  ['TOR', 'Toronto', 'Raptors', 'Atlantic'],
  ['UTA', 'Utah', 'Jazz', 'Northwest'],
  ['WAS', 'Washington', 'Wizards', 'Southeast'],
];

const EAST = new Set<Team['division']>(['Atlantic', 'Central', 'Southeast']);

export const TEAMS: readonly Team[] = ROWS.map(([abbreviation, city, name, division], i) => ({
  id: i + 1,
  conference: EAST.has(division) ? 'East' : 'West',
  division,
  city,
  name,
  full_name: `${city} ${name}`,
  abbreviation,
}));
