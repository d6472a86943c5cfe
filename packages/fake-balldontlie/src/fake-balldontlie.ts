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

export interface FakeBalldontlieOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on: `127.0.0.1` unless told otherwise. */
  host?: string;
  /** When set, every request must carry exactly this in `Authorization`, as the real API wants. */
  apiKey?: string;
  /** Answer this many milliseconds late (for timeout tests); can be changed while running. */
  delayMs?: number;
  /** The data to serve; `dataset()`, made once per process, by default. */
  dataset?: Dataset;
}

export interface FakeRequest {
  method: string;
  /** Path and query as received: `/v1/games?seasons[]=2024`. */
  url: string;
  authorization: string | undefined;
}

export interface FakeBalldontlie {
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

/**
 * Starts the fake balldontlie API; resolves once it listens, rejects when it cannot (the port is
 * taken). Give its `url` to the plugin as the upstream's base URL.
 * @example
 * const fake = await startFakeBalldontlie({ port: 0 });
 * await fetch(`${fake.url}/teams`); // http://127.0.0.1:PORT/v1/teams
 * await fake.close();
 */
export async function startFakeBalldontlie(
  options: FakeBalldontlieOptions = {},
): Promise<FakeBalldontlie> {
  const { lists, one } = routes(options.dataset ?? dataset());
  const timers = new Set<NodeJS.Timeout>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return send(res, 405, { error: 'Method Not Allowed' });
    if (options.apiKey !== undefined && req.headers.authorization !== options.apiKey) {
      return send(res, 401, { error: 'Unauthorized' });
    }
    try {
      // Node passes the request target as sent; one that is not a URL (`//[`) throws here.
      const url = new URL(req.url ?? '/', 'http://upstream.invalid');
      const match = /^\/v1\/(players|teams|games|stats|season_averages)(?:\/(\d+))?\/?$/.exec(
        url.pathname,
      );
      const list = match?.[1] as keyof typeof lists | undefined;
      const id = match?.[2];
      if (!list) return send(res, 404, { error: 'Not Found' });
      if (id === undefined) return send(res, 200, lists[list](url.searchParams));
      const item = list === 'season_averages' ? undefined : one[list](Number(id));
      return item ? send(res, 200, { data: item }) : send(res, 404, { error: 'Not Found' });
    } catch (err) {
      if (err instanceof TypeError && (err as { code?: string }).code === 'ERR_INVALID_URL') {
        return send(res, 400, { error: 'Bad Request', message: 'the request target is not a URL' });
      }
      if (err instanceof BadRequest) {
        return send(res, 400, { error: 'Bad Request', message: err.message });
      }
      return send(res, 500, { error: 'Internal Server Error' });
    }
  };

  const fake: FakeBalldontlie = {
    url: '',
    port: 0,
    hits: 0,
    requests: [],
    delayMs: options.delayMs ?? 0,
    server: createServer((req, res) => {
      fake.hits += 1;
      fake.requests.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
      });
      if (fake.requests.length > MAX_LOGGED) fake.requests.shift();
      if (fake.delayMs <= 0) return answer(req, res);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) answer(req, res);
      }, fake.delayMs);
      timers.add(timer);
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        fake.server.close(() => resolve());
        fake.server.closeAllConnections();
      }),
  };

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    fake.server.once('error', reject);
    fake.server.listen(options.port ?? 0, host, () => {
      fake.server.off('error', reject);
      resolve();
    });
  });
  fake.port = (fake.server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  fake.url = `http://${shown}:${fake.port}/v1`;
  return fake;
}
