import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { health, writeReadCheck, type WritableStore } from './health';
import { jsonErrors } from './json-errors';

function healthApp(options: Parameters<typeof health>[0]) {
  const app = new Koa();
  app.silent = true;
  const errors: unknown[] = [];
  app.on('error', (err) => errors.push(err));
  app.use(jsonErrors());
  app.use(health(options));
  app.use((ctx) => {
    ctx.body = { reached: 'the app' };
  });
  return { server: app.callback(), errors };
}

/** A store in a map, whose writes fail once `broken` is set. */
function mapStore() {
  const values = new Map<string, string>();
  const store = {
    broken: false as boolean,
    async put(key: string, value: string) {
      if (store.broken) throw new Error('disk I/O error');
      values.set(key, value);
    },
    async take(key: string) {
      const value = values.get(key);
      values.delete(key);
      return value;
    },
  } satisfies WritableStore & { broken: boolean };
  return { store, values };
}

describe('health', () => {
  it('answers /healthz while the process runs, uncached', async () => {
    const res = await request(healthApp({}).server).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers /readyz 200 when the check passes, and leaves nothing behind', async () => {
    const { store, values } = mapStore();
    const res = await request(healthApp({ store }).server).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
    expect(values.size).toBe(0);
  });

  it('answers /readyz 503 with Retry-After when the store fails, logging why', async () => {
    const { store } = mapStore();
    store.broken = true;
    const { server, errors } = healthApp({ ready: writeReadCheck(store) });
    const res = await request(server).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      error: 'service_unavailable',
      message: 'Service Unavailable',
    });
    expect(String(errors[0])).toContain('disk I/O error');
  });

  it('answers /readyz 503 when the check hangs past its timeout', async () => {
    const ready = () => new Promise<void>(() => {});
    const began = Date.now();
    const res = await request(healthApp({ ready, timeoutMs: 100 }).server).get('/readyz');
    expect(res.status).toBe(503);
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('passes every other request on', async () => {
    const { server } = healthApp({});
    expect((await request(server).get('/health')).body).toEqual({ reached: 'the app' });
    expect((await request(server).post('/healthz')).body).toEqual({ reached: 'the app' });
  });
});
