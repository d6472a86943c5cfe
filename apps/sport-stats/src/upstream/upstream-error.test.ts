import { describe, expect, it } from 'vitest';
import {
  closedPortUrl,
  expectUpstreamError as expectError,
  fakeUpstream,
  json,
  scriptedUpstream as upstreamThat,
  testApp,
} from '../../test/helpers';

// What the plugin answers when the upstream is down, failing or talking nonsense: always a JSON
// 502 or 504 with an `Error` body, never a 200 with an error inside, never a 500. How the answer
// is read (time limit, size limit, dropped connections) is tested in fetch-text.test.ts.

const OPERATIONS = [
  '/players?query=davis',
  '/teams',
  '/games',
  '/stats',
  '/season_averages?player_ids=1',
];

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
    const upstream = await fakeUpstream({ apiKey: KEY });
    const plugin = await testApp({ baseUrl: upstream.url, apiKey: KEY });
    const res = await plugin.get('/teams');
    expect(res.status).toBe(200);
    expect(upstream.requests[0]!.authorization).toBe(KEY);
  });

  it('is not sent when none is configured, and an upstream that wants one gets a 502 explained', async () => {
    const upstream = await fakeUpstream({ apiKey: KEY });
    const plugin = await testApp({ baseUrl: upstream.url });
    const res = await plugin.get('/teams');
    expectError(res, 502, 'upstream_error');
    expect(res.body.message).toContain('refused the API key (HTTP 401)');
    expect(upstream.requests[0]!.authorization).toBeUndefined();
  });

  it('never appears in an answer or in the log, whatever fails', async () => {
    const slow = await fakeUpstream({ delayMs: 1000, apiKey: 'other' });
    const refusing = await fakeUpstream({ apiKey: 'other' });
    const broken = await upstreamThat((_req, res) => res.end('not json'));
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
