import { MemoryStore } from '@repo/store';
import { describe, expect, it, vi } from 'vitest';
import { UpstreamClient } from './upstream-client';
import { fakeClock, fakeUpstream, testApp } from '../../test/helpers';

// Calls are counted at the upstream itself: what matters is how many requests it receives.

describe('caching', () => {
  it('reuses an answer until its TTL runs out, then asks the upstream again', async () => {
    const upstream = await fakeUpstream();
    const clock = fakeClock();
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 30_000, now: clock.now });

    const first = await plugin.get('/teams');
    expect(first.headers['x-cache']).toBe('miss');
    expect(upstream.hits).toBe(1);

    clock.advance(29_999);
    const second = await plugin.get('/teams');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(upstream.hits).toBe(1);

    clock.advance(1);
    const third = await plugin.get('/teams');
    expect(third.headers['x-cache']).toBe('miss');
    expect(upstream.hits).toBe(2);

    // The new answer has a TTL of its own, counted from when it came.
    clock.advance(29_999);
    expect((await plugin.get('/teams')).headers['x-cache']).toBe('hit');
    expect(upstream.hits).toBe(2);
  });

  it('treats calls that mean the same thing as one entry (order and form of array values)', async () => {
    const upstream = await fakeUpstream();
    const clock = fakeClock();
    const plugin = await testApp({ baseUrl: upstream.url, now: clock.now });
    for (const path of [
      '/games?team_ids=14&team_ids=2&seasons=2024',
      '/games?seasons[]=2024&team_ids[]=2&team_ids[]=14',
      '/games?team_ids=2&seasons=2024&team_ids[]=14&team_ids=2',
      '/games?limit=25&seasons=2024&team_ids=2&team_ids=14',
    ]) {
      expect((await plugin.get(path)).status).toBe(200);
    }
    expect(upstream.hits).toBe(1);
    expect(plugin.client.counts).toEqual({ miss: 1, coalesced: 0, hit: 3 });
  });

  it('keys on the whole query: another filter is another entry', async () => {
    const upstream = await fakeUpstream();
    const clock = fakeClock();
    const plugin = await testApp({ baseUrl: upstream.url, now: clock.now });
    await plugin.get('/games?seasons=2024');
    await plugin.get('/games?seasons=2023');
    await plugin.get('/games?seasons[]=2024');
    expect(upstream.hits).toBe(2);
  });

  it('keeps answers in the store it is given, so a second instance on that store gets a hit', async () => {
    const upstream = await fakeUpstream();
    const store = new MemoryStore();
    const one = new UpstreamClient({ baseUrl: upstream.url, store });
    const two = new UpstreamClient({ baseUrl: upstream.url, store });
    expect((await one.get('/teams', { per_page: 5 })).source).toBe('miss');
    expect((await two.get('/teams', { per_page: 5 })).source).toBe('hit');
    expect(upstream.hits).toBe(1);
  });

  it('keys the store by a hash of the URL, so a long query cannot make a key too long', async () => {
    const upstream = await fakeUpstream();
    const store = new MemoryStore();
    const put = vi.spyOn(store, 'put');
    const client = new UpstreamClient({ baseUrl: upstream.url, store });
    const teamIds = Array.from({ length: 300 }, (_, i) => 1000 + i);
    await client.get('/players', { team_ids: teamIds });
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]![0]).toMatch(/^sport-stats:answer:[0-9a-f]{64}$/);
    expect(put.mock.calls[0]![2]).toEqual({ ttlMs: 60_000 });
  });

  it('answers from the upstream when the store behind the cache fails', async () => {
    const upstream = await fakeUpstream();
    const store = new MemoryStore();
    await store.close(); // every call now rejects
    const plugin = await testApp({ baseUrl: upstream.url, store });
    const first = await plugin.get('/teams');
    const second = await plugin.get('/teams');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'miss']);
    expect(upstream.hits).toBe(2);
  });

  it('is off with a TTL of 0', async () => {
    const upstream = await fakeUpstream();
    const plugin = await testApp({ baseUrl: upstream.url, cacheTtlMs: 0 });
    await plugin.get('/teams');
    await plugin.get('/teams');
    expect(upstream.hits).toBe(2);
  });
});
