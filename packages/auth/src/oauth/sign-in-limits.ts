import { isIPv6 } from 'node:net';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { redisClientOf, type Store } from '@repo/store';
import { sha256Hex } from '../safe-equal';

/** At most `attempts` wrong passwords in `windowSeconds`; then no more tries until it ends. */
export interface SignInLimit {
  attempts: number;
  windowSeconds: number;
}

/** How many wrong passwords the sign-in form takes, per user name and per client address. */
export interface SignInLimits {
  perUser: SignInLimit;
  perAddress: SignInLimit;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  perUser: { attempts: 10, windowSeconds: 15 * 60 },
  perAddress: { attempts: 50, windowSeconds: 15 * 60 },
};

/** What a sign-in attempt came to. */
export type Attempt =
  | { kind: 'signed-in'; username: string }
  | { kind: 'wrong' }
  /** Too many wrong passwords: the password was not checked; `retryAfter` is in seconds. */
  | { kind: 'blocked'; retryAfter: number };

// One key per IPv6 /64, the block a single host is usually given; an IPv4 address as it is.
function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const whole = (n: number) => Number.isSafeInteger(n) && n >= 1;

function check({ attempts, windowSeconds }: SignInLimit, name: string): void {
  if (!whole(attempts) || !whole(windowSeconds))
    throw new Error(`\`${name}\` must be whole numbers of attempts and seconds, 1 or more`);
}

/**
 * Limits password guessing on the sign-in form with rate-limiter-flexible: wrong passwords are
 * counted per user name (guessing one account from many addresses) and per client address
 * (guessing many accounts from one), and past either limit no password is checked until its
 * window ends. The counts live in Redis when `store` is on Redis, shared by every instance, and
 * in this process's memory otherwise. Throws at construction on a bad limit.
 */
export function signInLimiter(store: Store, keyPrefix: string, limits: SignInLimits) {
  check(limits.perUser, 'perUser');
  check(limits.perAddress, 'perAddress');
  const redis = redisClientOf(store);
  const limiter = (kind: string, { attempts, windowSeconds }: SignInLimit): RateLimiterAbstract => {
    // `limit:` first, as the store names its kinds (`value:`, `list:`), so a reset by kind finds it.
    const options = {
      keyPrefix: `limit:${keyPrefix}:oauth:sign-in-${kind}`,
      points: attempts,
      duration: windowSeconds,
    };
    return redis
      ? new RateLimiterRedis({ ...options, storeClient: redis })
      : new RateLimiterMemory(options);
  };
  const byUser = limiter('user', limits.perUser);
  const byAddress = limiter('address', limits.perAddress);

  // Counts one attempt, atomically (a Lua script on Redis), so concurrent guesses are all
  // counted before any password is checked. Errors other than the limiter's answer propagate.
  async function count(limit: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
    try {
      return await limit.consume(key);
    } catch (caught) {
      if (caught instanceof RateLimiterRes) return caught;
      throw caught;
    }
  }

  // Seconds until the window of a count past `attempts` ends, or 0 when it is within them.
  const wait = (res: RateLimiterRes, { attempts }: SignInLimit) =>
    res.consumedPoints > attempts ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;

  return {
    /** Counts an attempt for `username` from `ip`, and checks it with `authenticate` if allowed. */
    async attempt(
      username: string,
      ip: string,
      authenticate: () => Promise<string | undefined>,
    ): Promise<Attempt> {
      // Hashed: a bounded key, whatever length of name the form was sent.
      const user = sha256Hex(username.toLowerCase());
      const address = addressKey(ip);
      const [u, a] = await Promise.all([count(byUser, user), count(byAddress, address)]);
      const retryAfter = Math.max(wait(u, limits.perUser), wait(a, limits.perAddress));
      if (retryAfter > 0) return { kind: 'blocked', retryAfter };
      const signedIn = await authenticate();
      if (!signedIn) return { kind: 'wrong' };
      // Only wrong passwords count: the user's count starts over, and the address gets its
      // attempt back (many users may share one address). A guesser who signs in to an account of
      // their own gets one attempt back, never a clean slate.
      await Promise.all([byUser.delete(user), byAddress.reward(address)]);
      return { kind: 'signed-in', username: signedIn };
    },
  };
}

export type SignInLimiter = ReturnType<typeof signInLimiter>;
