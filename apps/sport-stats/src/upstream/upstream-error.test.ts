import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBalldontlie } from '@repo/fake-balldontlie';
import {
  closedPortUrl,
  json,
  scriptedUpstream,
  testApp,
  type ScriptedUpstream,
} from '../../test/helpers';

// What the plugin answers when the upstream is down, slow, failing or talking nonsense: always a
// JSON 502 or 504 with an `Error` body, never a 200 with an error inside, never a 500. Timeouts
// are a few tens of milliseconds here, so no test waits for the real 2 s.

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((u) => u.close()));
});

async function upstreamThat(
  answer: Parameters<typeof scriptedUpstream>[0],
): Promise<ScriptedUpstream> {
  const upstream = await scriptedUpstream(answer);
  opened.push(upstream);
  return upstream;
}

const OPERATIONS = [
  '/players?query=davis',
  '/teams',
  '/games',
  '/stats',
  '/season_averages?player_ids=1',
];

function expectError(
  res: { status: number; body: unknown; type: string },
  status: number,
  error: string,
) {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  expect(res.body).toMatchObject({ error, message: expect.stringMatching(/^The stats service /) });
}

describe('upstream down', () => {
  it.each(OPERATIONS)('%s answers 502 upstream_unavailable when nothing listens', async (path) => {
    const plugin = await testApp({ baseUrl: await closedPortUrl() });
    const res = await plugin.get(path);
    expectError(res, 502, 'upstream_unavailable');
    expect(res.body.message).toContain('could not be reached (ECONNREFUSED)');
    expect(plugin.logs).toHaveLength(1);
    expect(plugin.logs[0]).toMatch(/^GET \/.*: 502 upstream_unavailable/);
  });
});

describe('upstream slow', () => {
  it('answers 504 when the upstream sends nothing within the timeout', async () => {
    const upstream = await startFakeBalldontlie({ delayMs: 5000 });
    opened.push(upstream);
    const plugin = await testApp({ baseUrl: upstream.url, timeoutMs: 300 });
    const started = Date.now();
    const res = await plugin.get('/teams');
    expectError(res, 504, 'upstream_timeout');
    expect(res.body.message).toContain('did not answer within 300 ms');
    // Well before the upstream would have answered, and inside an AI host's 2.5 s budget.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(upstream.hits).toBeLessThanOrEqual(1);
  });

  it('answers 504 when the headers come in time but the body stalls', async () => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data":['); // and never more
    });
    const plugin = await testApp({ baseUrl: upstream.url, timeoutMs: 300 });
    const res = await plugin.get('/teams');
    expectError(res, 504, 'upstream_timeout');
  });

  it('answers in time when the upstream is slow but within the timeout', async () => {
    const upstream = await startFakeBalldontlie({ delayMs: 50 });
    opened.push(upstream);
    const plugin = await testApp({ baseUrl: upstream.url, timeoutMs: 2500 });
    const res = await plugin.get('/teams');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(30);
  });
});

describe('upstream errors', () => {
  it.each([
    [400, 'answered HTTP 400'],
    [401, 'refused the API key (HTTP 401)'],
    [403, 'refused the API key (HTTP 403)'],
    [404, 'answered HTTP 404'],
    [429, 'is limiting how often it is called (HTTP 429)'],
    [500, 'answered HTTP 500'],
    [502, 'answered HTTP 502'],
    [503, 'answered HTTP 503'],
    [301, 'answered with a redirect (HTTP 301)'],
  ])('upstream %i → 502 upstream_error', async (status, reason) => {
    const upstream = await upstreamThat((_req, res) => {
      if (status === 301) {
        res.writeHead(301, { Location: 'http://elsewhere.invalid/v1/teams' });
        res.end();
      } else {
        json(res, status, { error: 'nope', message: 'upstream says no' });
      }
    });
    const plugin = await testApp({ baseUrl: upstream.url });
    for (const path of OPERATIONS) {
      const res = await plugin.get(path);
      expectError(res, 502, 'upstream_error');
      expect(res.body.message).toContain(reason);
      // The upstream's own error body is not passed on as if it were data.
      expect(JSON.stringify(res.body)).not.toContain('upstream says no');
    }
    expect(upstream.hits).toBe(OPERATIONS.length);
  });

  it("passes on a 429's Retry-After", async () => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(429, { 'Retry-After': '30', 'Content-Type': 'application/json' });
      res.end('{"error":"Too Many Requests"}');
    });
    const plugin = await testApp({ baseUrl: upstream.url });
    const res = await plugin.get('/teams');
    expect(res.status).toBe(502);
    expect(res.headers['retry-after']).toBe('30');
  });

  it.each([
    [
      'not JSON',
      'text/html',
      '<html>Service maintenance</html>',
      'sent an answer that is not JSON',
    ],
    [
      'an error object with status 200',
      'application/json',
      '{"error":"Unauthorized"}',
      'without a `data` list',
    ],
    ['a bare list', 'application/json', '[1,2,3]', 'without a `data` list'],
    ['null', 'application/json', 'null', 'without a `data` list'],
    ['empty', 'application/json', '', 'not JSON'],
  ])('a 200 whose body is %s → 502 upstream_bad_response', async (_, type, body, reason) => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    });
    const plugin = await testApp({ baseUrl: upstream.url });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_bad_response');
    expect(res.body.message).toContain(reason);
  });

  it('refuses an answer larger than the limit', async () => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: ['x'.repeat(5000)] }));
    });
    const plugin = await testApp({ baseUrl: upstream.url, maxBodyBytes: 1000 });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_bad_response');
    expect(res.body.message).toContain('larger than 1000 bytes');
  });

  it('refuses a large answer that declares no length, reading no further than the limit', async () => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }); // chunked, no Content-Length
      res.write('{"data":["');
      res.write('x'.repeat(3000));
      res.end('"]}');
    });
    const plugin = await testApp({ baseUrl: upstream.url, maxBodyBytes: 1000 });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_bad_response');
  });

  it('answers 502 upstream_unavailable when the connection drops in the middle of the body', async () => {
    const upstream = await upstreamThat((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"data":[');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const plugin = await testApp({ baseUrl: upstream.url });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_unavailable');
    // fetch (undici) reports the closed socket as `UND_ERR_SOCKET`.
    expect(res.body.message).toContain('could not be reached (UND_ERR_SOCKET)');
  });

  it('sends a call again, once, when the kept-alive connection it reused was already closed', async () => {
    // The second request on each connection is dropped unanswered, as when the upstream closes
    // an idle connection just as the plugin reuses it.
    const upstream = await upstreamThat((req, res) => {
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      if (socket.served > 1) socket.destroy();
      else json(res, 200, { data: [] });
    });
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 0 });
    expect((await plugin.get('/teams')).status).toBe(200);
    expect((await plugin.get('/teams')).status).toBe(200);
    expect(upstream.hits).toBe(3);
  });

  it('does not cache failures: the next call asks again', async () => {
    let fail = true;
    const upstream = await upstreamThat((_req, res) =>
      fail ? json(res, 503, { error: 'down' }) : json(res, 200, { data: [] }),
    );
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 60_000 });
    expect((await plugin.get('/teams')).status).toBe(502);
    fail = false;
    expect((await plugin.get('/teams')).status).toBe(200);
    expect((await plugin.get('/teams')).headers['x-cache']).toBe('hit');
    expect(upstream.hits).toBe(2);
  });
});

describe('the API key', () => {
  const KEY = 'test-key-8f2b61c0d9';

  it('is sent as the whole Authorization header, with no scheme, and the real-style upstream accepts it', async () => {
    const upstream = await startFakeBalldontlie({ apiKey: KEY });
    opened.push(upstream);
    const plugin = await testApp({ baseUrl: upstream.url, apiKey: KEY });
    const res = await plugin.get('/teams');
    expect(res.status).toBe(200);
    expect(upstream.requests[0]!.authorization).toBe(KEY);
  });

  it('is not sent when none is configured, and an upstream that wants one gets a 502 explained', async () => {
    const upstream = await startFakeBalldontlie({ apiKey: KEY });
    opened.push(upstream);
    const plugin = await testApp({ baseUrl: upstream.url });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_error');
    expect(res.body.message).toContain('refused the API key (HTTP 401)');
    expect(upstream.requests[0]!.authorization).toBeUndefined();
  });

  it('never appears in an answer or in the log, whatever fails', async () => {
    const slow = await startFakeBalldontlie({ delayMs: 1000, apiKey: 'other' });
    const refusing = await startFakeBalldontlie({ apiKey: 'other' });
    const broken = await upstreamThat((_req, res) => res.end('not json'));
    opened.push(slow, refusing);
    const bodies: string[] = [];
    const logs: string[] = [];
    for (const baseUrl of [slow.url, refusing.url, broken.url, await closedPortUrl()]) {
      const plugin = await testApp({ baseUrl, apiKey: KEY, timeoutMs: 50 });
      for (const path of OPERATIONS) {
        const res = await plugin.get(path);
        expect([502, 504]).toContain(res.status);
        bodies.push(res.text, JSON.stringify(res.headers));
      }
      logs.push(...plugin.logs);
    }
    expect(logs).toHaveLength(4 * OPERATIONS.length);
    for (const text of [...bodies, ...logs]) expect(text).not.toContain(KEY);
  });
});
