import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { operations, perform, snapshot } from '../test/operations';
import { useRedisServer } from '../test/redis-fixture';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

// The conformance suite checks MemoryStore case by case; here it is the reference for the
// durable stores on generated sequences of calls, which reach orders of events no one wrote down.
const dir = mkdtempSync(join(tmpdir(), 'store-differential-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const redisUrl = useRedisServer();

async function agreesWithMemory(open: () => Promise<Store>, numRuns: number) {
  await fc.assert(
    fc.asyncProperty(operations, async (ops) => {
      const model = new MemoryStore();
      const store = await open();
      try {
        for (const op of ops)
          expect(await perform(store, op), op.call).toEqual(await perform(model, op));
        expect(await snapshot(store)).toEqual(await snapshot(model));
      } finally {
        await store.close();
      }
    }),
    { numRuns },
  );
}

describe('on any sequence of calls, a durable store answers as MemoryStore does', () => {
  it('SqliteStore', async () => {
    let files = 0;
    await agreesWithMemory(
      async () => new SqliteStore({ file: join(dir, `${++files}.sqlite`) }),
      300,
    );
  }, 60_000);

  it('RedisStore', async () => {
    const admin = new Redis(redisUrl());
    const open = async () => {
      await admin.flushall();
      return RedisStore.connect({ url: redisUrl(), onError: () => {} });
    };
    await agreesWithMemory(open, 300).finally(() => admin.disconnect());
  }, 60_000);
});
