import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from './redis-url';

describe('parseRedisUrl', () => {
  it('reads host, port, database and decoded credentials', () => {
    expect(parseRedisUrl('redis://app:p%40ss%2Fword@cache.internal:6380/3')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'app',
      password: 'p@ss/word',
      db: 3,
      tls: undefined,
    });
  });

  it('defaults to port 6379 and database 0, and takes a password without a user', () => {
    expect(parseRedisUrl('redis://:secret@127.0.0.1')).toMatchObject({
      port: 6379,
      db: 0,
      username: undefined,
      password: 'secret',
    });
  });

  it('turns TLS on for rediss:// and unwraps an IPv6 address', () => {
    expect(parseRedisUrl('rediss://redis.example.com').tls).toEqual({
      servername: 'redis.example.com',
    });
    expect(parseRedisUrl('redis://[::1]:6379/').host).toBe('::1');
  });

  it.each([
    ['redis://user:hunter2@127.0.0.1:notaport', /not a valid URL/],
    ['redis://user:hunter2@[::1', /not a valid URL/],
    ['redis://user:hunter2@', /not a valid URL/],
    ['http://user:hunter2@127.0.0.1', /must start with redis:\/\/ or rediss:\/\//],
    ['redis://user:hunter2@127.0.0.1/cache', /database number/],
  ])('rejects %s with a message that does not repeat it', (url, message) => {
    let error: unknown;
    try {
      parseRedisUrl(url);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(JSON.stringify(error) + String(error) + String((error as Error).cause)).not.toMatch(
      /hunter2/,
    );
  });
});
