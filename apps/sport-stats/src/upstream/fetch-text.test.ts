import { describe, expect, it } from 'vitest';
import {
  expectUpstreamError as expectError,
  fakeUpstream,
  json,
  scriptedUpstream as upstreamThat,
  testApp,
} from '../../test/helpers';

// How an upstream answer is read, through the plugin: within the time limit (headers and body),
// within the size limit, and what a dropped connection gives. Timeouts are a few hundred
// milliseconds here, so no test waits for the real 2 s.

describe('the time limit', () => {
  it('answers 504 when the upstream sends nothing within the timeout', async () => {
    const upstream = await fakeUpstream({ delayMs: 5000 });
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
    const upstream = await fakeUpstream({ delayMs: 50 });
    const plugin = await testApp({ baseUrl: upstream.url, timeoutMs: 2500 });
    const res = await plugin.get('/teams');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(30);
  });
});

describe('reading the answer', () => {
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

  it('refuses a chunked answer that declares no length once it passes the limit', async () => {
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
});
