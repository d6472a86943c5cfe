import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dataset } from './dataset';
import type { Dataset } from './dataset-types';
import { BadRequest } from './query-params';
import { routes } from './routes';

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
  /**
   * The data, or a function that makes it (maybe asynchronously) on the first request, so a
   * server's start-up need not wait for it; `dataset()`, built before listening, by default.
   */
  dataset?: Dataset | (() => Dataset | Promise<Dataset>);
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
  const source = options.dataset ?? dataset();
  type Routes = ReturnType<typeof routes>;
  let made: Routes | Promise<Routes> | undefined =
    typeof source === 'function' ? undefined : routes(source);
  // Requests that come while the data is made wait for that one making of it. If it fails,
  // they answer 500 and the next request tries again.
  const handlers = () =>
    (made ??= Promise.resolve()
      .then(source as () => Dataset | Promise<Dataset>)
      .then((data) => (made = routes(data)))
      .catch((err: unknown) => {
        made = undefined;
        throw err;
      }));
  const timers = new Set<NodeJS.Timeout>();

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://upstream.invalid');
    if (req.method !== 'GET') return send(res, 405, { error: 'Method Not Allowed' });
    if (options.apiKey !== undefined && req.headers.authorization !== options.apiKey) {
      return send(res, 401, { error: 'Unauthorized' });
    }
    const match = /^\/v1\/(players|teams|games|stats|season_averages)(?:\/(\d+))?\/?$/.exec(
      url.pathname,
    );
    const list = match?.[1] as keyof ReturnType<typeof routes>['lists'] | undefined;
    const id = match?.[2];
    try {
      if (!list) return send(res, 404, { error: 'Not Found' });
      const { lists, one } = await handlers();
      if (id === undefined) return send(res, 200, lists[list](url.searchParams));
      const item = list === 'season_averages' ? undefined : one[list](Number(id));
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
      if (upstream.delayMs <= 0) return void answer(req, res);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) void answer(req, res);
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
