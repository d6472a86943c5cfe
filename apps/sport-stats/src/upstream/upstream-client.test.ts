import { describe, expect, it } from 'vitest';
import { MemoryStore, type Store } from '@repo/store';
import { UpstreamClient } from './upstream-client';
import { fakeUpstream, gatedUpstream, json, testApp, until } from '../../test/helpers';

// Calls are counted at the upstream itself: what matters is how many requests it receives.

describe('coalescing', () => {
  it('sends one upstream request for 20 identical concurrent calls, even with the cache off', async () => {
    // The upstream holds its answer until all 20 calls are waiting on the one request.
    const data = { data: [{ id: 1752 }, { id: 1761 }, { id: 1778 }], meta: { per_page: 3 } };
    const upstream = await gatedUpstream((_req, res) => json(res, 200, data));
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 0 });
    const calls = Array.from({ length: 20 }, () =>
      plugin.get('/games?seasons=2024&team_ids=14&limit=3').then((res) => res),
    );
    await until(() => plugin.client.counts.coalesced === 19);
    upstream.release();
    const responses = await Promise.all(calls);
    expect(upstream.hits).toBe(1);
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(data);
    }
    const sources = responses.map((r) => r.headers['x-cache']);
    expect(sources.filter((s) => s === 'miss')).toHaveLength(1);
    expect(sources.filter((s) => s === 'coalesced')).toHaveLength(19);
    // With the cache off, a later call goes to the upstream again.
    await plugin.get('/games?seasons=2024&team_ids=14&limit=3');
    expect(upstream.hits).toBe(2);
  });

  it('keeps different calls apart: one upstream request each', async () => {
    const upstream = await gatedUpstream((_req, res) => json(res, 200, { data: [] }));
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 0 });
    const paths = [
      '/teams',
      '/games?limit=1',
      '/games?limit=2',
      '/players?query=davis',
      '/stats?limit=1',
    ];
    const calls = paths.flatMap((path) => [
      plugin.get(path).then((r) => r),
      plugin.get(path).then((r) => r),
    ]);
    await until(() => plugin.client.counts.coalesced === paths.length);
    upstream.release();
    const responses = await Promise.all(calls);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(upstream.hits).toBe(paths.length);
    expect(new Set(upstream.requests.map((r) => r.url)).size).toBe(paths.length);
  });

  it('shares a failure with every waiting call, and does not keep it', async () => {
    const upstream = await gatedUpstream((_req, res) => json(res, 503, { error: 'down' }));
    const plugin = await testApp({ baseUrl: upstream.url });
    const calls = Array.from({ length: 10 }, () => plugin.get('/teams').then((r) => r));
    await until(() => plugin.client.counts.coalesced === 9);
    upstream.release();
    const responses = await Promise.all(calls);
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(502));
    expect(upstream.hits).toBe(1);
    expect(plugin.logs).toHaveLength(10);
    await plugin.get('/teams');
    expect(upstream.hits).toBe(2);
  });

  it('shares a timeout too: every waiting call fails when the first one does', async () => {
    const upstream = await fakeUpstream({ delayMs: 5000 });
    const client = new UpstreamClient({ baseUrl: upstream.url, timeoutMs: 200 });
    const started = Date.now();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.get('/teams')));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        status: 504,
        code: 'upstream_timeout',
      });
    }
    expect(Date.now() - started).toBeLessThan(2500);
    // One request at most: on a loaded machine the timeout may even beat the connection.
    expect(upstream.hits).toBeLessThanOrEqual(1);
    expect(client.counts).toEqual({ miss: 1, coalesced: 4, hit: 0 });
  });
});

describe('the limit on concurrent upstream calls', () => {
  it('sends at most `maxConcurrent` requests at once; the others wait their turn', async () => {
    const upstream = await gatedUpstream((_req, res) => json(res, 200, { data: [] }));
    const client = new UpstreamClient({ baseUrl: upstream.url, cacheTtlMs: 0, maxConcurrent: 2 });
    const calls = [1, 2, 3, 4, 5].map((n) => client.get('/games', { per_page: n }));
    await until(() => upstream.hits === 2 && client.load.waiting === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream.hits).toBe(2);
    expect(client.load).toEqual({ running: 2, waiting: 3 });
    upstream.release();
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.source)).toEqual(Array(5).fill('miss'));
    expect(upstream.hits).toBe(5);
    expect(client.load).toEqual({ running: 0, waiting: 0 });
  });

  it('counts the wait for a slot in the timeout: a call that waits too long is a 504, never sent', async () => {
    // One slot, and an upstream that answers each request 600 ms late: the first call is
    // answered; the second gets the slot with 400 ms left and times out at the upstream; the
    // third is still waiting when its time is up, and never reaches the upstream.
    const upstream = await fakeUpstream({ delayMs: 600 });
    const client = new UpstreamClient({ baseUrl: upstream.url, timeoutMs: 1000, maxConcurrent: 1 });
    const started = Date.now();
    const results = await Promise.allSettled(
      ['/teams', '/players', '/games'].map((path) => client.get(path)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    for (const result of results.slice(1)) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        status: 504,
        code: 'upstream_timeout',
      });
    }
    expect(Date.now() - started).toBeLessThan(2500);
    // A request sent late reaches the upstream after its call has failed: give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(upstream.requests.map((r) => r.url)).toEqual(['/v1/teams', '/v1/players']);
  });
});

describe('the time limit and the cache', () => {
  // A store that does what it is asked, but answers the named methods only after `delayMs`.
  function slowStore(delayMs: number, slow: Array<'get' | 'put'>): Store {
    const later = <T>(value: T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(value), delayMs));
    return new Proxy(new MemoryStore(), {
      get: (target, name) => {
        const member = Reflect.get(target, name) as unknown;
        if (!slow.includes(name as 'get' | 'put')) return member;
        return async (...args: unknown[]) =>
          later(await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  }

  it('never waits for the cache write: the answer comes at once, and calls meanwhile share it', async () => {
    const upstream = await fakeUpstream();
    const store = slowStore(1500, ['put']);
    const client = new UpstreamClient({ baseUrl: upstream.url, timeoutMs: 300, store });
    const started = Date.now();
    const answer = await client.get('/teams');
    expect(Date.now() - started).toBeLessThan(600);
    expect(answer.source).toBe('miss');
    expect(JSON.parse(answer.body)).toHaveProperty('data');
    // While the slow write is under way an identical call shares the answer: no second request.
    expect((await client.get('/teams')).source).toBe('coalesced');
    expect(upstream.hits).toBe(1);
  });

  it('stops sharing an answer whose cache write hangs once the time limit has passed', async () => {
    const upstream = await fakeUpstream();
    const store = new MemoryStore();
    store.put = () => new Promise<never>(() => undefined); // a write that never ends
    const client = new UpstreamClient({ baseUrl: upstream.url, timeoutMs: 200, store });
    expect((await client.get('/teams')).source).toBe('miss');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await client.get('/teams')).source).toBe('miss');
    expect(upstream.hits).toBe(2);
  });

  it('counts a cache read in the time limit: a store slower than the limit gives a 504 in time', async () => {
    const upstream = await fakeUpstream();
    const store = slowStore(1500, ['get', 'put']);
    const client = new UpstreamClient({ baseUrl: upstream.url, timeoutMs: 300, store });
    const started = Date.now();
    await expect(client.get('/teams')).rejects.toMatchObject({
      status: 504,
      code: 'upstream_timeout',
    });
    expect(Date.now() - started).toBeLessThan(600);
  });
});
