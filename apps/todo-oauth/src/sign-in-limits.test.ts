import { describe, expect, it } from 'vitest';
import { FakeHost, formFields, testApp } from '../test/fake-host';

describe('the sign-in form limits password guessing', () => {
  it('takes ten wrong passwords for a user, then answers 429 with Retry-After, right password or not', async () => {
    const host = new FakeHost(await testApp());
    const fields = formFields((await host.authorize()).text);
    for (let i = 0; i < 10; i++) {
      const wrong = await host.submit(fields, { password: `guess-${i}` });
      expect(wrong.status).toBe(401);
    }
    const blocked = await host.submit(fields);
    expect(blocked.status).toBe(429);
    expect(blocked.type).toBe('text/html');
    expect(blocked.text).toContain('Too many sign-in attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.location).toBeUndefined();
    // Another user from the same address is not locked out by alice's count.
    expect((await host.submit(fields, { username: 'bob', password: 'bob-password' })).status).toBe(
      302,
    );
  });

  it('counts wrong passwords per client address across user names', async () => {
    const limits = { perAddress: { attempts: 3, windowSeconds: 60 } };
    const host = new FakeHost(await testApp({ signInLimits: limits }));
    const fields = formFields((await host.authorize()).text);
    for (const username of ['alice', 'bob', 'carol'])
      expect((await host.submit(fields, { username, password: 'nope' })).status).toBe(401);
    const blocked = await host.submit(fields, { username: 'bob', password: 'bob-password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('starts a user over once they sign in', async () => {
    const host = new FakeHost(await testApp());
    const fields = formFields((await host.authorize()).text);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 9; i++) await host.submit(fields, { password: 'nope' });
      expect((await host.submit(fields)).status).toBe(302);
    }
  });
});
