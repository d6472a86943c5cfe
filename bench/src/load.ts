import autocannon from 'autocannon';

export interface LoadCase {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The path, body and extra headers of the i-th request of a run, when each must differ (a write
   * that would write nothing if repeated, or that would fill a capped list). The baselines get the
   * same requests.
   */
  vary?: (i: number) => { path?: string; body?: unknown; headers?: Record<string, string> };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

// Requests sent per case so far, so `vary` numbers them across the runs of a case (warm-up,
// rounds, the three servers) and never repeats one.
const sentOf = new WeakMap<LoadCase, number>();

/** Runs autocannon against `url + c.path` for `seconds` with `connections` connections. */
export async function load(
  url: string,
  c: LoadCase,
  seconds: number,
  connections = 32,
): Promise<LoadResult> {
  const { vary } = c;
  const result = await autocannon({
    url: url + c.path,
    method: c.method,
    connections,
    duration: seconds,
    headers: {
      ...c.headers,
      ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
    ...(vary && {
      requests: [
        {
          setupRequest: (req: autocannon.Request) => {
            const sent = sentOf.get(c) ?? 0;
            sentOf.set(c, sent + 1);
            const { path, body, headers } = vary(sent);
            return {
              ...req,
              ...(path !== undefined && { path }),
              headers: { ...req.headers, ...headers },
              ...(body !== undefined && { body: JSON.stringify(body) }),
            };
          },
        },
      ],
    }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Sends one request and returns what a baseline must answer to serve "the same bytes". */
export async function record(url: string, c: LoadCase) {
  const res = await fetch(url + c.path, {
    method: c.method,
    headers: {
      ...c.headers,
      ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${c.method} ${c.path} answered ${res.status}: ${body}`);
  return {
    method: c.method,
    path: c.path.split('?')[0]!,
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/octet-stream',
    body: body.toString('base64'),
  };
}
