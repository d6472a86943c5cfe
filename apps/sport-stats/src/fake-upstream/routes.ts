import { seasonAverage } from './season-average';
import type { Dataset } from './dataset-types';
import { type Params, integer, ints, dates, flag, page, inRange } from './query-params';

// The fake upstream's routes: each balldontlie list with its filters, and lookups by id.

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
      const found = data.gameRefs.filter(
        (g) =>
          (!seasons || seasons.has(g.season)) &&
          (!teams || teams.has(g.home_team_id) || teams.has(g.visitor_team_id)) &&
          (!days || days.has(g.date)) &&
          (postseason === undefined || g.postseason === postseason) &&
          inRange(g.date, params),
      );
      // Filtered by their refs, and made into objects only for the page.
      const { data: refs, meta } = page(found, params);
      return { data: refs.map((ref) => data.game(ref.id)!), meta };
    },
    stats(params: Params) {
      const players = ints(params, 'player_ids');
      const games = ints(params, 'game_ids');
      const seasons = ints(params, 'seasons');
      const days = dates(params);
      const postseason = flag(params, 'postseason');
      // A scan of the columns: a line is made into an object only if it is on the page.
      const { lines } = data;
      const found: number[] = [];
      for (let id = 1; id <= lines.length; id++) {
        if (players && !players.has(lines.playerOf(id))) continue;
        if (games && !games.has(lines.gameIdOf(id))) continue;
        const game = lines.gameOf(id);
        if (
          (!seasons || seasons.has(game.season)) &&
          (!days || days.has(game.date)) &&
          (postseason === undefined || game.postseason === postseason) &&
          inRange(game.date, params)
        ) {
          found.push(id);
        }
      }
      const { data: ids, meta } = page(found, params, (id) => id);
      return { data: ids.map((id) => lines.line(id)!), meta };
    },
    season_averages(params: Params) {
      const season = params.has('season')
        ? integer(params.get('season')!, 'season')
        : data.currentSeason;
      const ids = new Set(ints(params, 'player_ids'));
      // The current API documents a single `player_id`; take that too.
      if (params.has('player_id')) ids.add(integer(params.get('player_id')!, 'player_id'));
      const averages = [...ids].flatMap((id) => {
        const own = data.lines.idsOf(id).map((line) => data.lines.line(line)!);
        const average = seasonAverage(own, id, season);
        return average ? [average] : [];
      });
      return { data: averages };
    },
  };
  const one = {
    players: byId(data.players),
    teams: byId(data.teams),
    games: (id: number) => data.game(id),
    stats: (id: number) => data.lines.line(id),
  };
  return { lists, one };
}
