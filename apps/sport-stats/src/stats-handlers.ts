import type { RouterContext } from '@koa/router';
import type { ErrorBody } from '@repo/http';
import { validInput } from '@repo/openapi';
import type { UpstreamClient, UpstreamQuery } from './upstream/upstream-client';
import { UpstreamError } from './upstream/upstream-error';

export interface StatsHandlerOptions {
  upstream: UpstreamClient;
  /** Where a line about each failed upstream call goes. */
  log: (line: string) => void;
}

/** How many games or stat lines an answer holds when the caller gives no `limit`. */
export const DEFAULT_LIMIT = 25;
/** Players whose name matches: one page of balldontlie's largest size, as the seed asked for. */
const PLAYERS_PER_PAGE = 100;

interface Query {
  query?: string;
  limit?: number;
  seasons?: number[];
  team_ids?: number[];
  player_ids?: number[];
  game_ids?: number[];
  season?: number;
  start_date?: string;
  end_date?: string;
}

// The spec has already checked every parameter (types, ranges, `YYYY-MM-DD` dates, arrays from
// `name=…` and `name[]=…` alike) before a handler runs; this is what it cannot express.
function query(ctx: RouterContext): Query {
  const input = validInput(ctx).query as Query;
  if (input.start_date && input.end_date && input.start_date > input.end_date) {
    ctx.throw(400, '`end_date` must not be before `start_date`', { field: 'end_date' });
  }
  return input;
}

/** Every balldontlie list answer is `{data: [...], ...}`; anything else is not passed on. */
export function checkListBody(body: unknown): string | undefined {
  const data = (body as { data?: unknown } | null)?.data;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(data)) {
    return 'sent an answer without a `data` list';
  }
  return undefined;
}

/**
 * The handlers of the five operations, for `routeOperations`. Each turns the plugin's
 * parameters into the upstream's (arrays as `name[]`, `limit` as `per_page`, `query` as `search`)
 * and answers with the upstream's JSON as it came, or with a JSON 502/504 when the upstream
 * failed: never a 200 with an error inside it, never a 500.
 */
export function statsHandlers({ upstream, log }: StatsHandlerOptions) {
  async function relay(ctx: RouterContext, path: string, params: UpstreamQuery): Promise<void> {
    try {
      const answer = await upstream.get(path, params);
      ctx.set('X-Cache', answer.source);
      ctx.type = 'application/json';
      ctx.body = answer.body;
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      log(`${ctx.method} ${ctx.path}: ${err.status} ${err.code}, the upstream ${err.reason}`);
      ctx.status = err.status;
      if (err.extra.retryAfter) ctx.set('Retry-After', err.extra.retryAfter);
      ctx.body = {
        error: err.code,
        message: `The stats service ${err.reason}. Try again in a moment.`,
      } satisfies ErrorBody;
    }
  }

  return {
    async getPlayers(ctx: RouterContext) {
      const search = query(ctx).query?.trim();
      await relay(ctx, '/players', { search: search || undefined, per_page: PLAYERS_PER_PAGE });
    },

    async getTeams(ctx: RouterContext) {
      await relay(ctx, '/teams', {});
    },

    async getGames(ctx: RouterContext) {
      const q = query(ctx);
      await relay(ctx, '/games', {
        per_page: q.limit ?? DEFAULT_LIMIT,
        seasons: q.seasons,
        team_ids: q.team_ids,
        start_date: q.start_date,
        end_date: q.end_date,
      });
    },

    async getStats(ctx: RouterContext) {
      const q = query(ctx);
      await relay(ctx, '/stats', {
        per_page: q.limit ?? DEFAULT_LIMIT,
        player_ids: q.player_ids,
        game_ids: q.game_ids,
        start_date: q.start_date,
        end_date: q.end_date,
      });
    },

    async getSeasonAverages(ctx: RouterContext) {
      const q = query(ctx);
      // No season: the upstream's own default, its current season.
      await relay(ctx, '/season_averages', { season: q.season, player_ids: q.player_ids });
    },
  };
}
