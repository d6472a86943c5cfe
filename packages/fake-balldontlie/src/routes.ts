import { seasonAverage } from './season-average';
import type { Dataset } from './dataset-types';
import { type Params, integer, ints, dates, flag, page, inRange } from './query-params';

// The fake's routes: each balldontlie list with its filters, and lookups by id.

export function routes(data: Dataset) {
  const byId =
    <T extends { id: number }>(items: readonly T[]) =>
    (id: number) =>
      items.find((item) => item.id === id);
  const lists = {
    players(params: Params) {
      const search = params.get('search')?.trim().toLowerCase();
      const first = params.get('first_name')?.toLowerCase();
      const last = params.get('last_name')?.toLowerCase();
      const teams = ints(params, 'team_ids');
      const ids = ints(params, 'player_ids');
      const found = data.players.filter((p) => {
        const full = `${p.first_name} ${p.last_name}`.toLowerCase();
        if (search && !full.includes(search)) return false;
        if (first && !p.first_name.toLowerCase().includes(first)) return false;
        if (last && !p.last_name.toLowerCase().includes(last)) return false;
        return (!teams || teams.has(p.team.id)) && (!ids || ids.has(p.id));
      });
      return page(found, params);
    },
    teams(params: Params) {
      const conference = params.get('conference')?.toLowerCase();
      const division = params.get('division')?.toLowerCase();
      return {
        data: data.teams.filter(
          (t) =>
            (!conference || t.conference.toLowerCase() === conference) &&
            (!division || t.division.toLowerCase() === division),
        ),
      };
    },
    games(params: Params) {
      const seasons = ints(params, 'seasons');
      const teams = ints(params, 'team_ids');
      const days = dates(params);
      const postseason = flag(params, 'postseason');
      const found = data.games.filter(
        (g) =>
          (!seasons || seasons.has(g.season)) &&
          (!teams || teams.has(g.home_team.id) || teams.has(g.visitor_team.id)) &&
          (!days || days.has(g.date)) &&
          (postseason === undefined || g.postseason === postseason) &&
          inRange(g.date, params),
      );
      return page(found, params);
    },
    stats(params: Params) {
      const players = ints(params, 'player_ids');
      const games = ints(params, 'game_ids');
      const seasons = ints(params, 'seasons');
      const days = dates(params);
      const postseason = flag(params, 'postseason');
      // One player's lines are a short list; everyone's are 60,000.
      const pool =
        players && players.size <= 25
          ? [...players]
              .flatMap((id) => data.statsByPlayer.get(id) ?? [])
              .sort((a, b) => a.id - b.id)
          : data.stats;
      const found = pool.filter(
        (s) =>
          (!players || players.has(s.player.id)) &&
          (!games || games.has(s.game.id)) &&
          (!seasons || seasons.has(s.game.season)) &&
          (!days || days.has(s.game.date)) &&
          (postseason === undefined || s.game.postseason === postseason) &&
          inRange(s.game.date, params),
      );
      return page(found, params);
    },
    season_averages(params: Params) {
      const season = params.has('season')
        ? integer(params.get('season')!, 'season')
        : data.currentSeason;
      const ids = new Set(ints(params, 'player_ids'));
      // The current API documents a single `player_id`; take that too.
      if (params.has('player_id')) ids.add(integer(params.get('player_id')!, 'player_id'));
      const averages = [...ids].flatMap((id) => {
        const average = seasonAverage(data.statsByPlayer.get(id) ?? [], id, season);
        return average ? [average] : [];
      });
      return { data: averages };
    },
  };
  const one = {
    players: byId(data.players),
    teams: byId(data.teams),
    games: byId(data.games),
    stats: byId(data.stats),
  };
  return { lists, one };
}
