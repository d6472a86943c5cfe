import { MemoryStore, openStore } from '@repo/store';
import { startRedisServer } from '@repo/store/test/redis-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { signInLimiter, type SignInLimits } from './sign-in-limits';

const LIMITS: SignInLimits = {
  perUser: { attempts: 3, windowSeconds: 60 },
  perAddress: { attempts: 5, windowSeconds: 600 },
};

// A directory where only `ann` / `right` signs in; it counts the passwords it was asked to check.
function directory() {
  const checked = { count: 0 };
  const check = (username: string, password: string) => async () => {
    checked.count += 1;
    return username === 'ann' && password === 'right' ? username : undefined;
  };
  return { checked, check };
}

describe('signInLimiter', () => {
  it('takes the allowed wrong passwords for a user name, then refuses without checking the password', async () => {
    const limiter = signInLimiter(new MemoryStore(), 'app', LIMITS);
    const { checked, check } = directory();
    for (let i = 0; i < 3; i++)
      expect(await limiter.attempt('ann', '10.0.0.1', check('ann', 'wrong'))).toEqual({
        kind: 'wrong',
      });
    const blocked = await limiter.attempt('ann', '10.0.0.1', check('ann', 'right'));
    expect(blocked.kind).toBe('blocked');
    expect(blocked.kind === 'blocked' && blocked.retryAfter).toBeGreaterThan(55);
    expect(blocked.kind === 'blocked' && blocked.retryAfter).toBeLessThanOrEqual(60);
    expect(checked.count).toBe(3);
  });

  it('counts a user name across addresses, and an address across user names (case-blind names)', async () => {
    const limiter = signInLimiter(new MemoryStore(), 'app', LIMITS);
    const { check } = directory();
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      await limiter.attempt('Ann', ip, check('ann', 'wrong'));
    expect((await limiter.attempt('ann', '10.0.0.4', check('ann', 'right'))).kind).toBe('blocked');

    for (const name of ['a', 'b', 'c', 'd', 'e'])
      await limiter.attempt(name, '10.9.9.9', check(name, 'wrong'));
    expect((await limiter.attempt('f', '10.9.9.9', check('f', 'x'))).kind).toBe('blocked');
    expect((await limiter.attempt('f', '10.9.9.8', check('f', 'x'))).kind).toBe('wrong');
  });

  it('starts a user over once they sign in, and gives the address only its one attempt back', async () => {
    const limiter = signInLimiter(new MemoryStore(), 'app', LIMITS);
    const { check } = directory();
    for (let round = 0; round < 2; round++) {
      await limiter.attempt('ann', '10.0.0.1', check('ann', 'wrong'));
      await limiter.attempt('ann', '10.0.0.1', check('ann', 'wrong'));
      expect(await limiter.attempt('ann', '10.0.0.1', check('ann', 'right'))).toEqual({
        kind: 'signed-in',
        username: 'ann',
      });
    }
    // Four wrong passwords from the address so far: one more is allowed, then none.
    expect((await limiter.attempt('bob', '10.0.0.1', check('bob', 'x'))).kind).toBe('wrong');
    expect((await limiter.attempt('bob', '10.0.0.1', check('bob', 'x'))).kind).toBe('blocked');
  });

  it('counts every address of one IPv6 /64 as one, and an IPv4-mapped address as its IPv4', async () => {
    const limiter = signInLimiter(new MemoryStore(), 'app', LIMITS);
    const { check } = directory();
    const sameBlock = ['2001:db8:1:2::1', '2001:db8:1:2:ffff::9', '2001:0db8:0001:0002:a:b:c:d'];
    for (const [i, ip] of [...sameBlock, '2001:db8:1:2::7', '2001:DB8:1:2::8'].entries())
      await limiter.attempt(`user${i}`, ip, check(`user${i}`, 'x'));
    expect((await limiter.attempt('z', '2001:db8:1:2::9', check('z', 'x'))).kind).toBe('blocked');
    expect((await limiter.attempt('z', '2001:db8:1:3::1', check('z', 'x'))).kind).toBe('wrong');

    for (let i = 0; i < 5; i++) await limiter.attempt(`v${i}`, '::ffff:10.1.1.1', check('v', 'x'));
    expect((await limiter.attempt('w', '10.1.1.1', check('w', 'x'))).kind).toBe('blocked');
  });

  it('counts concurrent guesses before checking any: no burst gets past the limit', async () => {
    const limiter = signInLimiter(new MemoryStore(), 'app', LIMITS);
    const { checked, check } = directory();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limiter.attempt('ann', `10.0.1.${i}`, check('ann', 'x')),
      ),
    );
    expect(checked.count).toBe(3);
    expect(outcomes.filter((o) => o.kind === 'blocked')).toHaveLength(37);
  });

  it('shares the counts of every instance on one Redis', async () => {
    const server = await startRedisServer();
    onTestFinished(() => server.stop());
    const [a, b] = await Promise.all([
      openStore({ kind: 'redis', url: server.url }),
      openStore({ kind: 'redis', url: server.url }),
    ]);
    onTestFinished(async () => {
      await Promise.all([a.close(), b.close()]);
    });
    const [atA, atB] = [signInLimiter(a, 'app', LIMITS), signInLimiter(b, 'app', LIMITS)];
    const { checked, check } = directory();
    await atA.attempt('ann', '10.0.0.1', check('ann', 'x'));
    await atB.attempt('ann', '10.0.0.2', check('ann', 'x'));
    await atA.attempt('ann', '10.0.0.3', check('ann', 'x'));
    expect((await atB.attempt('ann', '10.0.0.4', check('ann', 'right'))).kind).toBe('blocked');
    expect(checked.count).toBe(3);
  });

  it.each([
    [{ ...LIMITS, perUser: { attempts: 0, windowSeconds: 60 } }, '`perUser`'],
    [{ ...LIMITS, perAddress: { attempts: 5, windowSeconds: 1.5 } }, '`perAddress`'],
  ])('refuses a bad limit at construction (%o)', (limits, message) => {
    expect(() => signInLimiter(new MemoryStore(), 'app', limits)).toThrow(message);
  });
});
