import { TEAMS, type Team } from './teams';

// The offline upstream's data: the 30 real NBA teams, and invented players, a full regular season
// schedule for each of SEASONS and a box score for every game. It is generated, not stored, from
// a fixed seed, so every run (and every machine) sees the same ids and numbers. Players are
// invented on purpose: made-up stats must not be pinned on real people.

/** Seasons the offline upstream knows, by the year they began; the last is "the current one". */
export const SEASONS = [2023, 2024] as const;
export const PLAYERS_PER_TEAM = 15;

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

export interface StatLine {
  id: number;
  min: string;
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
  player: PlayerRef;
  team: Team;
  game: GameRef;
}

export interface SeasonAverage {
  games_played: number;
  player_id: number;
  season: number;
  min: string;
  fgm: number;
  fga: number;
  fg3m: number;
  fg3a: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  reb: number;
  ast: number;
  stl: number;
  blk: number;
  turnover: number;
  pf: number;
  pts: number;
  fg_pct: number;
  fg3_pct: number;
  ft_pct: number;
}

export interface Dataset {
  teams: readonly Team[];
  players: readonly Player[];
  games: readonly Game[];
  stats: readonly StatLine[];
  statsByPlayer: ReadonlyMap<number, readonly StatLine[]>;
  currentSeason: number;
}

// mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same sequence anywhere.
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // Successes in `n` tries at probability `p`: counted for small `n`, otherwise drawn from the
  // normal approximation (Box–Muller), which keeps building the whole dataset fast.
  const binomial = (n: number, p: number) => {
    if (n <= 8) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    }
    const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.min(n, Math.max(0, Math.round(n * p + normal * Math.sqrt(n * p * (1 - p)))));
  };
  return { next, int, pick, binomial };
}

type Random = ReturnType<typeof prng>;

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
const BUILD: Record<
  string,
  { height: [number, number]; three: number; oreb: number; dreb: number; ast: number; blk: number }
> = {
  G: { height: [73, 78], three: 0.45, oreb: 0.02, dreb: 0.1, ast: 0.17, blk: 0.008 },
  'G-F': { height: [77, 80], three: 0.4, oreb: 0.03, dreb: 0.13, ast: 0.1, blk: 0.015 },
  F: { height: [79, 82], three: 0.35, oreb: 0.045, dreb: 0.17, ast: 0.08, blk: 0.022 },
  'F-C': { height: [81, 84], three: 0.2, oreb: 0.07, dreb: 0.21, ast: 0.06, blk: 0.04 },
  C: { height: [83, 87], three: 0.08, oreb: 0.09, dreb: 0.25, ast: 0.06, blk: 0.055 },
};

interface Rated {
  player: Player;
  ref: PlayerRef;
  /** 0 (end of bench) to 1 (star): scales usage and efficiency. */
  rating: number;
  minutes: number;
  role: 'starter' | 'rotation' | 'bench';
}

function makePlayers(random: Random): Rated[] {
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

// A season of 82 rounds; in each round every team plays once. The circle method gives 29 rounds
// in which every pair meets once; 29 + 29 (home and away swapped) + 24 more make 82.
function schedule(random: Random): [home: number, visitor: number][][] {
  const ids = TEAMS.map((t) => t.id);
  const base: [number, number][][] = [];
  const circle = ids.slice(1);
  for (let round = 0; round < ids.length - 1; round++) {
    const order = [ids[0]!, ...circle];
    const pairs: [number, number][] = [];
    for (let i = 0; i < ids.length / 2; i++) {
      const a = order[i]!;
      const b = order[order.length - 1 - i]!;
      pairs.push(round % 2 === 0 ? [a, b] : [b, a]);
    }
    base.push(pairs);
    circle.unshift(circle.pop()!);
  }
  const swapped = base.map((pairs) => pairs.map(([h, v]) => [v, h] as [number, number]));
  const extra = base.slice(0, 24).map((pairs, i) => (i % 2 === 0 ? pairs : swapped[i]!));
  const rounds = [...base, ...swapped, ...extra];
  // Shuffle the rounds (Fisher–Yates) so that rematches do not come in a row.
  for (let i = rounds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [rounds[i], rounds[j]] = [rounds[j]!, rounds[i]!];
  }
  return rounds;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const round2 = (value: number) => Math.round(value * 100) / 100;

// One team's box score: who played, for how long, and what they did. Lines are built whole, in
// their final shape, because there are some 60,000 of them.
function boxScore(random: Random, roster: Rated[], team: Team, game: GameRef): StatLine[] {
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

const points = (box: StatLine[]) => box.reduce((total, line) => total + line.pts, 0);

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

/** The dataset, built on first use (a few tens of milliseconds) and shared after that. */
export function dataset(): Dataset {
  built ??= buildDataset();
  return built;
}

/** A player's regular-season averages, as balldontlie's `/season_averages` gives them. */
export function seasonAverage(
  lines: readonly StatLine[],
  playerId: number,
  season: number,
): SeasonAverage | undefined {
  const games = lines.filter((line) => line.game.season === season && !line.game.postseason);
  if (!games.length) return undefined;
  const total = (key: keyof StatLine) => games.reduce((sum, line) => sum + Number(line[key]), 0);
  const avg = (key: keyof StatLine) => round2(total(key) / games.length);
  const seconds = Math.round((total('min') * 60) / games.length);
  const ratio = (made: keyof StatLine, tried: keyof StatLine) =>
    total(tried) ? round3(total(made) / total(tried)) : 0;
  return {
    games_played: games.length,
    player_id: playerId,
    season,
    min: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
    fgm: avg('fgm'),
    fga: avg('fga'),
    fg3m: avg('fg3m'),
    fg3a: avg('fg3a'),
    ftm: avg('ftm'),
    fta: avg('fta'),
    oreb: avg('oreb'),
    dreb: avg('dreb'),
    reb: avg('reb'),
    ast: avg('ast'),
    stl: avg('stl'),
    blk: avg('blk'),
    turnover: avg('turnover'),
    pf: avg('pf'),
    pts: avg('pts'),
    fg_pct: ratio('fgm', 'fga'),
    fg3_pct: ratio('fg3m', 'fg3a'),
    ft_pct: ratio('ftm', 'fta'),
  };
}
