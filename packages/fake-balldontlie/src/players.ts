import { TEAMS, type Team } from './teams';
import type { Player, PlayerRef } from './dataset-types';
import type { Random } from './random';

export const PLAYERS_PER_TEAM = 15;

// The fake's invented players: name pools, a roster template, and how each is built.

const FIRST_NAMES: readonly string[] = (
  'Aaron Andre Anthony Austin Brandon Bruce Caleb Cameron Chris Cody Damian Darius DeAndre ' +
  'Derrick Devin Donovan Dylan Elijah Eric Evan Garrett Gary Isaiah Jalen Jamal Jaren ' +
  'Jason Jaylen Jerome Jordan Josh Julian Justin Keegan Kelly Kevin Kyle Lamar Luka Malik ' +
  'Marcus Mason Matt Miles Mitchell Nate Nikola Obi Omari Pascal Quentin Reggie Ricky Rudy ' +
  'Scottie Shai Terrence Tobias Trey Tyler Tyrese Victor Walker Xavier Zach'
).split(' ');

const LAST_NAMES: readonly string[] = (
  'Adams Allen Anderson Bailey Baker Banks Barnes Bell Bennett Brooks Brown Bryant Butler ' +
  'Carter Clark Coleman Collins Cook Cooper Davis Dixon Edwards Ellis Evans Fisher Foster ' +
  'Gibson Gordon Graham Grant Green Griffin Hall Harris Hayes Henderson Hill Holmes Howard ' +
  'Hughes Jackson James Jenkins Johnson Jones Jordan Kelly King Lewis Marshall Martin ' +
  'Mitchell Moore Morris Murray Nelson Owens Parker Patterson Perry Porter Powell Price ' +
  'Reed Richardson Roberts Robinson Ross Russell Sanders Scott Simmons Smith Stewart ' +
  'Sullivan Taylor Thomas Thompson Turner Walker Wallace Ward Washington Watson White ' +
  'Williams Wilson Wright Young'
).split(' ');

const COLLEGES: readonly string[] = (
  'Alabama,Arizona,Auburn,Baylor,Connecticut,Duke,Florida,Gonzaga,Houston,Kansas,Kentucky,' +
  'Louisville,Memphis,Michigan,Michigan State,North Carolina,Ohio State,Stanford,Tennessee,' +
  'Texas,UCLA,Villanova,Virginia,Wake Forest'
).split(',');

const COUNTRIES: readonly string[] = (
  'Argentina Australia Cameroon Canada Croatia France Germany Greece Japan Latvia ' +
  'Lithuania Nigeria Serbia Slovenia Spain Turkey'
).split(' ');

// A roster: starters, rotation, bench. Minutes are the player's usual share of a 240-minute game.
const ROSTER: { position: string; minutes: number; role: 'starter' | 'rotation' | 'bench' }[] = [
  { position: 'G', minutes: 34, role: 'starter' },
  { position: 'G', minutes: 32, role: 'starter' },
  { position: 'F', minutes: 33, role: 'starter' },
  { position: 'F', minutes: 31, role: 'starter' },
  { position: 'C', minutes: 29, role: 'starter' },
  { position: 'G', minutes: 22, role: 'rotation' },
  { position: 'G-F', minutes: 20, role: 'rotation' },
  { position: 'F', minutes: 18, role: 'rotation' },
  { position: 'F-C', minutes: 16, role: 'rotation' },
  { position: 'C', minutes: 12, role: 'rotation' },
  { position: 'G', minutes: 9, role: 'bench' },
  { position: 'G', minutes: 8, role: 'bench' },
  { position: 'F', minutes: 8, role: 'bench' },
  { position: 'F', minutes: 7, role: 'bench' },
  { position: 'C', minutes: 6, role: 'bench' },
];

// Inches of height by position, and per-minute rates of the counting stats.
export const BUILD: Record<
  string,
  { height: [number, number]; three: number; oreb: number; dreb: number; ast: number; blk: number }
> = {
  G: { height: [73, 78], three: 0.45, oreb: 0.02, dreb: 0.1, ast: 0.17, blk: 0.008 },
  'G-F': { height: [77, 80], three: 0.4, oreb: 0.03, dreb: 0.13, ast: 0.1, blk: 0.015 },
  F: { height: [79, 82], three: 0.35, oreb: 0.045, dreb: 0.17, ast: 0.08, blk: 0.022 },
  'F-C': { height: [81, 84], three: 0.2, oreb: 0.07, dreb: 0.21, ast: 0.06, blk: 0.04 },
  C: { height: [83, 87], three: 0.08, oreb: 0.09, dreb: 0.25, ast: 0.06, blk: 0.055 },
};

export interface Rated {
  player: Player;
  ref: PlayerRef;
  /** 0 (end of bench) to 1 (star): scales usage and efficiency. */
  rating: number;
  minutes: number;
  role: 'starter' | 'rotation' | 'bench';
}

export function makePlayers(random: Random): Rated[] {
  const used = new Set<string>();
  const rated: Rated[] = [];
  for (const team of TEAMS) {
    const numbers = new Set<number>();
    ROSTER.forEach((slot, index) => {
      let first: string;
      let last: string;
      do {
        first = random.pick(FIRST_NAMES);
        last = random.pick(LAST_NAMES);
      } while (used.has(`${first} ${last}`));
      used.add(`${first} ${last}`);
      let jersey: number;
      do jersey = random.int(0, 55);
      while (numbers.has(jersey));
      numbers.add(jersey);
      const build = BUILD[slot.position]!;
      const inches = random.int(...build.height);
      const foreign = random.next() < 0.25;
      const draftRoll = random.next();
      const draftRound = draftRoll < 0.6 ? 1 : draftRoll < 0.85 ? 2 : null;
      const player: Player = {
        id: (team.id - 1) * PLAYERS_PER_TEAM + index + 1,
        first_name: first,
        last_name: last,
        position: slot.position,
        height: `${Math.floor(inches / 12)}-${inches % 12}`,
        weight: String(185 + (inches - 74) * 7 + random.int(-10, 10)),
        jersey_number: String(jersey),
        college: foreign ? null : random.pick(COLLEGES),
        country: foreign ? random.pick(COUNTRIES) : 'USA',
        draft_year: draftRound === null ? null : random.int(2012, 2023),
        draft_round: draftRound,
        draft_number: draftRound === null ? null : random.int(1, 30) + (draftRound - 1) * 30,
        team,
      };
      const ref = { ...player, team_id: team.id } as PlayerRef & { team?: Team };
      delete ref.team;
      const base = slot.role === 'starter' ? 0.55 : slot.role === 'rotation' ? 0.3 : 0.05;
      rated.push({
        player,
        ref,
        rating: Math.min(1, base + random.next() * 0.45),
        minutes: slot.minutes,
        role: slot.role,
      });
    });
  }
  return rated;
}
