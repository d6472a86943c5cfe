import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dataset, seasonAverage, type Dataset } from './dataset';

// A small balldontlie-v1-compatible API over the generated dataset: `/v1/players`, `/v1/teams`,
// `/v1/games`, `/v1/stats`, `/v1/season_averages` (and `/v1/<list>/<id>`), with the real API's
// query parameters (arrays as `name[]=…`), cursor pagination (`cursor`, `per_page` ≤ 100, and
// `meta: {next_cursor, per_page}`) and, when it is given one, its API key check (the key alone in
// `Authorization`). Plain node:http: it stands in for a service that is not ours.

export interface FakeUpstreamOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on: loopback unless told otherwise. */
  host?: string;
  /** When set, every request must carry exactly this in `Authorization`, as the real API wants. */
  apiKey?: string;
  /** Answer this many milliseconds late (for timeout tests); can be changed while running. */
  delayMs?: number;
  dataset?: Dataset;
}

export interface FakeRequest {
  method: string;
  /** Path and query as received: `/v1/games?seasons[]=2024`. */
  url: string;
  authorization: string | undefined;
}

export interface FakeUpstream {
  /** The base URL to give the plugin: `http://127.0.0.1:PORT/v1`. */
  url: string;
  port: number;
  server: Server;
  /** How many requests it has received. */
  hits: number;
  /** The last requests it received (at most 1,000), oldest first. */
  requests: FakeRequest[];
  delayMs: number;
  close(): Promise<void>;
}

const MAX_LOGGED = 1000;

class BadRequest extends Error {}

type Params = URLSearchParams;

function integer(value: string, name: string): number {
  if (!/^-?\d+$/.test(value)) throw new BadRequest(`${name} must be an integer`);
  return Number(value);
}

/** `name[]` values (the real API's array form; `name` alone is not read, as there). */
function ints(params: Params, name: string): Set<number> | undefined {
  const values = params.getAll(`${name}[]`);
  return values.length ? new Set(values.map((v) => integer(v, `${name}[]`))) : undefined;
}

function date(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadRequest(`${name} must be a date as YYYY-MM-DD`);
  }
  return value;
}

function dates(params: Params): Set<string> | undefined {
  const values = params.getAll('dates[]');
  if (!values.length) return undefined;
  return new Set(values.map((v) => date(new URLSearchParams({ d: v }), 'd')!));
}

function flag(params: Params, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (value !== 'true' && value !== 'false') throw new BadRequest(`${name} must be true or false`);
  return value === 'true';
}

/** One page of `items` (sorted by id) after `cursor`, as the v1 API pages its lists. */
function page<T extends { id: number }>(items: readonly T[], params: Params) {
  const perPage = params.has('per_page') ? integer(params.get('per_page')!, 'per_page') : 25;
  if (perPage < 1 || perPage > 100) throw new BadRequest('per_page must be from 1 to 100');
  const cursor = params.has('cursor') ? integer(params.get('cursor')!, 'cursor') : 0;
  const data: T[] = [];
  let more = false;
  for (const item of items) {
    if (item.id <= cursor) continue;
    if (data.length === perPage) {
      more = true;
      break;
    }
    data.push(item);
  }
  const meta: { per_page: number; next_cursor?: number } = { per_page: perPage };
  if (more) meta.next_cursor = data[data.length - 1]!.id;
  return { data, meta };
}

function inRange(day: string, params: Params): boolean {
  const start = date(params, 'start_date');
  const end = date(params, 'end_date');
  return (!start || day >= start) && (!end || day <= end);
}

function routes(data: Dataset) {
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

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Starts the offline upstream; resolves once it listens. */
export async function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const handlers = routes(options.dataset ?? dataset());
  const timers = new Set<NodeJS.Timeout>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://upstream.invalid');
    if (req.method !== 'GET') return send(res, 405, { error: 'Method Not Allowed' });
    if (options.apiKey !== undefined && req.headers.authorization !== options.apiKey) {
      return send(res, 401, { error: 'Unauthorized' });
    }
    const match = /^\/v1\/(players|teams|games|stats|season_averages)(?:\/(\d+))?\/?$/.exec(
      url.pathname,
    );
    const list = match?.[1] as keyof typeof handlers.lists | undefined;
    const id = match?.[2];
    try {
      if (!list) return send(res, 404, { error: 'Not Found' });
      if (id === undefined) return send(res, 200, handlers.lists[list](url.searchParams));
      const item = list === 'season_averages' ? undefined : handlers.one[list](Number(id));
      return item ? send(res, 200, { data: item }) : send(res, 404, { error: 'Not Found' });
    } catch (err) {
      if (err instanceof BadRequest) {
        return send(res, 400, { error: 'Bad Request', message: err.message });
      }
      return send(res, 500, { error: 'Internal Server Error' });
    }
  };

  const upstream: FakeUpstream = {
    url: '',
    port: 0,
    hits: 0,
    requests: [],
    delayMs: options.delayMs ?? 0,
    server: createServer((req, res) => {
      upstream.hits += 1;
      upstream.requests.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
      });
      if (upstream.requests.length > MAX_LOGGED) upstream.requests.shift();
      if (upstream.delayMs <= 0) return answer(req, res);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer(req, res);
      }, upstream.delayMs);
      timers.add(timer);
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        upstream.server.close(() => resolve());
        upstream.server.closeAllConnections();
      }),
  };

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    upstream.server.once('error', reject);
    upstream.server.listen(options.port ?? 0, host, () => {
      upstream.server.off('error', reject);
      resolve();
    });
  });
  upstream.port = (upstream.server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  upstream.url = `http://${shown}:${upstream.port}/v1`;
  return upstream;
}
