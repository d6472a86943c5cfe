import { createServer, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { describeStoreConformance } from '../test/conformance/index';
import { useRedisServer } from '../test/redis-fixture';
import { freePort, startRedisServer } from '../test/redis-server';
import { MemoryStore } from './memory-store';
import { openStore, readStoreConfig } from './open-store';
import { redisClientOf } from './redis-client';
import { RedisStore } from './redis-store';

const serverUrl = useRedisServer();
// A server of one test's own, stopped when the test ends even if it fails.
const ownServer = async (port?: number) => {
  const server = await startRedisServer(port);
  onTestFinished(() => server.stop());
  return server;
};
const connect = () => RedisStore.connect({ url: serverUrl(), onError: () => {} });

describeStoreConformance('RedisStore', {
  open: async () => {
    const admin = new Redis(serverUrl());
    await admin.flushall();
    admin.disconnect();
    return connect();
  },
  openPeer: connect,
  // Redis expires keys by its own clock: the TTL tests wait for real.
  advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ttlMs: 400,
});

describe('RedisStore', () => {
  it('is what openStore opens when REDIS_URL is set', async () => {
    const store = await openStore(readStoreConfig({ REDIS_URL: serverUrl(), DATA_DIR: 'unused' }));
    expect(store).toBeInstanceOf(RedisStore);
    await store.close();
  });

  it('shares its connection through redisClientOf, which gives none for another store', async () => {
    const store = await openStore(readStoreConfig({ REDIS_URL: serverUrl(), DATA_DIR: 'unused' }));
    onTestFinished(() => store.close());
    await store.put('shared', 'yes');
    expect(await redisClientOf(store)?.get('value:shared')).toBe('yes');
    expect(redisClientOf(new MemoryStore())).toBeUndefined();
  });

  it('rejects a server that is not there, in bounded time, without the password', async () => {
    const url = `redis://user:s3cret-pass@127.0.0.1:${await freePort()}`;
    const errors: Error[] = [];
    const attempt = RedisStore.connect({
      url,
      connectTimeoutMs: 1000,
      onError: (e) => errors.push(e),
    });
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/cannot connect to Redis: connect ECONNREFUSED 127.0.0.1/);
    for (const message of [error.message, ...errors.map((e) => e.message)]) {
      expect(message).not.toContain('s3cret-pass');
    }
  });

  it('rejects a server that accepts the connection but never answers, in bounded time', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const url = `redis://127.0.0.1:${port}`;
    const options = { url, connectTimeoutMs: 500, onError: () => {} };
    await expect(RedisStore.connect(options)).rejects.toThrow(
      /cannot connect to Redis: no answer in 500 ms/,
    );
    for (const socket of sockets) socket.destroy();
    silent.close();
  }, 15_000);

  it('rejects a malformed URL before connecting, and no warning repeats it', async () => {
    const warnings: string[] = [];
    const hear = (warning: Error) => warnings.push(String(warning));
    process.on('warning', hear);
    const url = 'redis://user:hunter2@127.0.0.1:notaport';
    await expect(RedisStore.connect({ url })).rejects.toThrow(/the Redis URL is not a valid URL/);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
    process.off('warning', hear);
    expect(warnings.join('\n')).not.toContain('hunter2');
  });

  it('rejects a wrong password with the server error, not the password', async () => {
    const url = serverUrl().replace('redis://', 'redis://nobody:wrong-pass@');
    const error = (await RedisStore.connect({ url, onError: () => {} }).catch((e) => e)) as Error;
    expect(error.message).toMatch(/cannot connect to Redis: WRONGPASS/);
    expect(error.message).not.toContain('wrong-pass');
  });

  it('reconnects by itself when the server comes back', async () => {
    const first = await ownServer();
    const store = await RedisStore.connect({ url: first.url, onError: () => {} });
    onTestFinished(() => store.close());
    await first.stop();
    await ownServer(Number(new URL(first.url).port));
    await store.put('k', 'after the restart');
    expect(await store.get('k')).toBe('after the restart');
  }, 20_000);

  it('rejects a command instead of hanging once the server is gone', async () => {
    const own = await ownServer();
    const store = await RedisStore.connect({
      url: own.url,
      commandTimeoutMs: 500,
      onError: () => {},
    });
    onTestFinished(() => store.close());
    await store.put('k', 'v');
    await own.stop();
    await expect(store.get('k')).rejects.toThrow();
  }, 10_000);
});
