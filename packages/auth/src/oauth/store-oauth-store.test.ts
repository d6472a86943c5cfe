import { randomUUID } from 'node:crypto';
import { MemoryStore } from '@repo/store';
import { describe, expect, it } from 'vitest';
import { RecordingStore } from '../../test/recording-store';
import { sha256Hex } from '../safe-equal';
import type { GrantRecord } from './oauth-store';
import { MARKER_SLACK_MS, StoreOAuthStore } from './store-oauth-store';

const DAY = 24 * 3600_000;
const G = randomUUID();
const record = (grantId: string, expiresAt: number): GrantRecord => ({
  grantId,
  clientId: 'c',
  username: 'ann',
  scope: ['todos'],
  expiresAt,
});
const key = (name: string) => sha256Hex(name);

// One clock for the store's TTLs and the OAuth expiry checks, as in production.
function clocked(start = 1_000) {
  const clock = { now: start };
  const now = () => clock.now;
  const store = new RecordingStore({ now });
  const oauth = (shared = store) =>
    new StoreOAuthStore(shared, { prefix: 'app', longestLifetimeMs: 14 * DAY, now });
  return { clock, store, oauth };
}

describe('StoreOAuthStore', () => {
  it('finds a record until it expires, by its clock', async () => {
    const { clock, oauth } = clocked();
    const store = oauth();
    await store.save('code', key('k'), record(G, 2_000));
    expect(await store.find('code', key('k'))).toEqual({ record: record(G, 2_000), spent: false });
    expect(await store.find('access', key('k'))).toBeUndefined();
    clock.now = 2_000;
    expect(await store.find('code', key('k'))).toBeUndefined();
  });

  it('checks expiry by its own clock even when the store has not dropped the value yet', async () => {
    let now = 0;
    const store = new StoreOAuthStore(new MemoryStore(), {
      prefix: 'app',
      longestLifetimeMs: DAY,
      now: () => now,
    });
    await store.save('access', key('k'), record(G, 10));
    now = 10;
    expect(await store.find('access', key('k'))).toBeUndefined();
  });

  it('writes each record with a TTL to its expiry, so the store forgets it on its own', async () => {
    const { clock, store, oauth } = clocked();
    await oauth().save('refresh', key('k'), record(G, 61_000));
    const puts = store.writes.filter((write) => write.method === 'put');
    expect(puts.map((write) => write.key)).toEqual([
      `app:oauth:unspent:refresh:${key('k')}`,
      `app:oauth:refresh:${key('k')}`,
    ]);
    expect(puts[1]!.ttlMs).toBe(60_000);
    clock.now = 61_000 + MARKER_SLACK_MS;
    for (const { key: written } of puts) expect(await store.get(written)).toBeUndefined();
  });

  it('keeps no marker for an access token, so losing one (a Redis eviction) cannot make it look spent', async () => {
    const { store, oauth } = clocked();
    await oauth().save('access', key('k'), record(G, 61_000));
    expect(store.writes.map((write) => write.key)).toEqual([`app:oauth:access:${key('k')}`]);
    for (const { key: written } of store.writes)
      if (written.includes(':unspent:')) await store.delete(written);
    expect(await oauth().find('access', key('k'))).toEqual({
      record: record(G, 61_000),
      spent: false,
    });
  });

  it("keeps a refresh token's marker longer than its record, so a slow write or another instance's clock never finds it spent", async () => {
    // The store's clock moves 10 ms with each write; the instance that looks reads a clock 50 ms behind.
    const clock = { now: 1_000 };
    const store = new RecordingStore({ now: () => clock.now });
    const put = store.put.bind(store);
    store.put = async (...args) => {
      await put(...args);
      clock.now += 10;
    };
    const writer = new StoreOAuthStore(store, {
      prefix: 'app',
      longestLifetimeMs: DAY,
      now: () => clock.now,
    });
    const reader = new StoreOAuthStore(store, {
      prefix: 'app',
      longestLifetimeMs: DAY,
      now: () => clock.now - 50,
    });
    await writer.save('refresh', key('k'), record(G, 61_000));
    clock.now = 61_005; // past the TTL written first, before the one written 10 ms later
    expect(await reader.find('refresh', key('k'))).toEqual({
      record: record(G, 61_000),
      spent: false,
    });
  });

  it('does not write a record that has expired already', async () => {
    const { store, oauth } = clocked(5_000);
    await oauth().save('code', key('k'), record(G, 5_000));
    expect(store.writes).toEqual([]);
  });

  it('lets a record be spent once, of many spends on two instances at once, and finds it spent', async () => {
    const { store, oauth } = clocked();
    const [a, b] = [oauth(), oauth(store)];
    await a.save('code', key('k'), record(G, 10_000));
    const spends = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).spend('code', key('k'))),
    );
    expect(spends.filter(Boolean)).toHaveLength(1);
    expect((await b.find('code', key('k')))?.spent).toBe(true);
    expect(await a.spend('code', key('unknown'))).toBe(false);
  });

  it('revokes every code and token of one grant for every instance, and only that grant', async () => {
    const { store, oauth } = clocked();
    const [a, b] = [oauth(), oauth(store)];
    const [g1, g2] = [randomUUID(), randomUUID()];
    await a.save('code', key('a'), record(g1, 10_000));
    await a.save('access', key('b'), record(g1, 10_000));
    await a.save('refresh', key('c'), record(g1, 10_000));
    await a.save('access', key('d'), record(g2, 10_000));
    await b.revokeGrant(g1);
    for (const [kind, name] of [
      ['code', 'a'],
      ['access', 'b'],
      ['refresh', 'c'],
    ] as const)
      expect(await a.find(kind, key(name))).toBeUndefined();
    expect(await a.spend('refresh', key('c'))).toBe(false);
    expect(await a.find('access', key('d'))).toBeDefined();
    // A token its grant's refresh was minting as the revocation happened is refused as well.
    await a.save('access', key('e'), record(g1, 10_000));
    expect(await b.find('access', key('e'))).toBeUndefined();
  });

  it("leaves nothing live in the store once the longest lifetime, and the markers' slack, has passed", async () => {
    const { clock, store, oauth } = clocked();
    const grant = randomUUID();
    await oauth().save('refresh', key('r'), record(grant, 1_000 + 14 * DAY));
    await oauth().revokeGrant(grant);
    clock.now += 14 * DAY + MARKER_SLACK_MS;
    for (const { key: written } of store.writes) expect(await store.get(written)).toBeUndefined();
  });

  it('refuses a key that is not a SHA-256 in hex: keys are bounded, and never shaped by a request', async () => {
    const { store, oauth } = clocked();
    await expect(oauth().save('code', 'the-raw-code', record(G, 10_000))).rejects.toThrow(
      '`key` must be a SHA-256 in hex',
    );
    expect(store.writes).toEqual([]);
  });

  it.each([
    [{ prefix: 'Bad:Prefix', longestLifetimeMs: DAY }, '`prefix`'],
    [{ prefix: 'app', longestLifetimeMs: 0 }, '`longestLifetimeMs`'],
  ])('refuses bad options at construction (%o)', (options, message) => {
    expect(() => new StoreOAuthStore(new MemoryStore(), options)).toThrow(message);
  });
});
