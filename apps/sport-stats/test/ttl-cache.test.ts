import { describe, expect, it } from 'vitest';
import { TtlCache } from '../src/upstream/ttl-cache';
import { upstreamUrl } from '../src/upstream/upstream-client';
import { fakeClock } from './helpers';

describe('TtlCache', () => {
  const make = (options: Partial<ConstructorParameters<typeof TtlCache<string>>[0]> = {}) => {
    const clock = fakeClock();
    const cache = new TtlCache<string>({
      ttlMs: 1000,
      maxEntries: 3,
      sizeOf: (v) => v.length,
      now: clock.now,
      ...options,
    });
    return { cache, clock };
  };

  it('gives a value back until its TTL has passed', () => {
    const { cache, clock } = make();
    cache.set('a', 'A');
    clock.advance(999);
    expect(cache.get('a')).toBe('A');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.count).toBe(0);
    expect(cache.totalSize).toBe(0);
  });

  it('drops the least recently used entry past maxEntries', () => {
    const { cache } = make();
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    cache.get('a');
    cache.set('d', 'D');
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k))).toEqual(['A', 'C', 'D']);
  });

  it('drops expired entries before live ones when full', () => {
    const { cache, clock } = make();
    cache.set('old', 'O');
    clock.advance(600);
    cache.set('b', 'B');
    cache.set('c', 'C');
    cache.get('old'); // recently used, but about to expire
    clock.advance(500); // `old` has expired, `b` and `c` have not
    cache.set('d', 'D');
    expect(['b', 'c', 'd'].map((k) => cache.get(k))).toEqual(['B', 'C', 'D']);
  });

  it('keeps the total size within maxSize, and never keeps a value larger than it', () => {
    const { cache } = make({ maxEntries: 100, maxSize: 10 });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    cache.set('c', 'cccc');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.totalSize).toBe(8);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.totalSize).toBe(8);
  });

  it('replaces a value set twice, counting its size once', () => {
    const { cache } = make();
    cache.set('a', 'one');
    cache.set('a', 'three');
    expect(cache.get('a')).toBe('three');
    expect(cache.count).toBe(1);
    expect(cache.totalSize).toBe(5);
  });

  it('keeps nothing with a TTL of 0 or no entries allowed', () => {
    for (const options of [{ ttlMs: 0 }, { maxEntries: 0 }]) {
      const { cache } = make(options);
      cache.set('a', 'A');
      expect(cache.get('a')).toBeUndefined();
      expect(cache.enabled).toBe(false);
    }
  });
});

describe('upstreamUrl', () => {
  it('writes arrays as name[], sorted and without repeats, keys sorted, undefined left out', () => {
    expect(
      upstreamUrl('https://api.example/v1', '/games', {
        team_ids: [14, 2, 14, 10],
        per_page: 25,
        seasons: [2024],
        start_date: undefined,
        search: 'de la',
      }),
    ).toBe(
      'https://api.example/v1/games?per_page=25&search=de%20la&seasons[]=2024&team_ids[]=2&team_ids[]=10&team_ids[]=14',
    );
  });

  it('leaves an empty array and an empty query out', () => {
    expect(upstreamUrl('http://h/v1', '/teams', { ids: [] })).toBe('http://h/v1/teams');
    expect(upstreamUrl('http://h/v1', '/teams')).toBe('http://h/v1/teams');
  });
});
