import type { SeasonAverage, StatLine } from './dataset-types';
import { round2, round3 } from './box-score';

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
