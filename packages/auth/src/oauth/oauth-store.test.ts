import { describe, expect, it } from 'vitest';
import { MemoryOAuthStore, type GrantRecord } from './oauth-store';

const record = (grantId: string, expiresAt: number): GrantRecord => ({
  grantId,
  clientId: 'c',
  username: 'ann',
  scope: ['todos'],
  expiresAt,
});

describe('MemoryOAuthStore', () => {
  it('finds a record until it expires, by its clock', async () => {
    let now = 1_000;
    const store = new MemoryOAuthStore({ now: () => now });
    await store.save('code', 'k', record('g', 2_000));
    expect(await store.find('code', 'k')).toEqual({ record: record('g', 2_000), spent: false });
    expect(await store.find('access', 'k')).toBeUndefined();
    now = 2_000;
    expect(await store.find('code', 'k')).toBeUndefined();
  });

  it('lets a record be spent once, and still finds it as spent', async () => {
    const store = new MemoryOAuthStore({ now: () => 0 });
    await store.save('refresh', 'k', record('g', 10));
    const spends = await Promise.all([store.spend('refresh', 'k'), store.spend('refresh', 'k')]);
    expect(spends).toEqual([true, false]);
    expect((await store.find('refresh', 'k'))?.spent).toBe(true);
    expect(await store.spend('refresh', 'unknown')).toBe(false);
  });

  it('revokes every code and token of one grant, and only those', async () => {
    const store = new MemoryOAuthStore({ now: () => 0 });
    await store.save('code', 'a', record('g1', 10));
    await store.save('access', 'b', record('g1', 10));
    await store.save('refresh', 'c', record('g1', 10));
    await store.save('access', 'd', record('g2', 10));
    expect(await store.revokeGrant('g1')).toBe(3);
    expect(await store.find('access', 'b')).toBeUndefined();
    expect(await store.find('access', 'd')).toBeDefined();
  });

  it('forgets expired records it is never asked about again', async () => {
    let now = 0;
    const store = new MemoryOAuthStore({ now: () => now });
    await store.save('code', 'old', record('g', 5));
    now = 10;
    for (let i = 0; i < 256; i += 1) await store.save('code', `k${i}`, record('g', 100));
    now = 0; // were it still there, the old record would be live again at this time
    expect(await store.find('code', 'old')).toBeUndefined();
  });
});
