import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { health, type ProbedStore } from './health';
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

/** A store whose probe fails once `broken` is set. */
function probedStore() {
  const store = {
    broken: false as boolean,
    probes: 0,
    async probe() {
      store.probes += 1;
      if (store.broken) throw new Error('disk I/O error');
    },
  } satisfies ProbedStore & { broken: boolean; probes: number };
  return store;
}

describe('health', () => {
  it('answers /healthz while the process runs, uncached', async () => {
    const res = await request(healthApp({}).server).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it("answers /readyz 200 when the store's probe passes", async () => {
    const store = probedStore();
    const res = await request(healthApp({ store }).server).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
    expect(store.probes).toBe(1);
  });

  it('answers /readyz 503 with Retry-After when the store fails, logging why', async () => {
    const store = probedStore();
    store.broken = true;
    const { server, errors } = healthApp({ store });
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
