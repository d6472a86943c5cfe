import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from './redis-server';

/**
 * Starts a `redis-server` for the calling test file and stops it after; returns the URL getter.
 * When redis-server is missing, every test that asks for the URL fails with the reason (a failing
 * hook would report them as skipped): the Redis tests never pass unrun.
 */
export function useRedisServer(): () => string {
  let server: RedisServer | undefined;
  let startError: unknown;
  beforeAll(async () => {
    server = await startRedisServer().catch((error: unknown) => void (startError = error));
  }, 15_000);
  afterAll(async () => server?.stop());
  return () => {
    if (!server) throw startError ?? new Error('redis-server has not started');
    return server.url;
  };
}
