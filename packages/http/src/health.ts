import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';

/** Where a load balancer or an orchestrator asks: is the process up, can it serve? */
export const HEALTH_PATHS = ['/healthz', '/readyz'];

export interface HealthOptions {
  /** The app's store: ready when it takes a write and gives it back (see `writeReadCheck`). */
  store?: WritableStore;
  /** Any other check: resolves when the app can serve, rejects when not. */
  ready?: () => Promise<void>;
  /** How long `ready` may take before the answer is 503 (default 2,000 ms). */
  timeoutMs?: number;
}

/** Something with the store's `put` and `take`: what `writeReadCheck` needs of it. */
export interface WritableStore {
  put(key: string, value: string, options?: { ttlMs?: number }): Promise<void>;
  take(key: string): Promise<string | undefined>;
}

/**
 * A readiness check for a store: writes a short-lived value under a key of its own (instances
 * sharing one Redis never collide), then takes it back. Rejects when either step fails or the
 * value read is not the one written.
 * @example health({ ready: writeReadCheck(store) })
 */
export function writeReadCheck(store: WritableStore): () => Promise<void> {
  return async () => {
    const key = `readyz:${randomUUID()}`;
    await store.put(key, key, { ttlMs: 60_000 });
    if ((await store.take(key)) !== key) throw new Error('the store did not keep a write');
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Answers `GET /healthz` with 200 while the process runs, and `GET /readyz` with 200 once
 * `ready()` (or the store's write-and-read check) resolves, or 503 when it rejects or takes longer than `timeoutMs` (the reason stays
 * in the log: `app.on('error')`). Neither is part of the plugin's spec. Goes near the top of the
 * stack, before anything that limits or authenticates requests.
 * @example app.use(health({ store }))
 */
export function health(options: HealthOptions = {}) {
  const { timeoutMs = 2000 } = options;
  const ready = options.ready ?? (options.store && writeReadCheck(options.store));
  return async function health(ctx: Context, next: Next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/healthz') {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { status: 'ok' };
    } else if (ctx.path === '/readyz') {
      ctx.set('Cache-Control', 'no-store');
      try {
        await within(ready?.() ?? Promise.resolve(), timeoutMs);
      } catch (err) {
        ctx.app.emit('error', err, ctx);
        ctx.throw(503, { headers: { 'Retry-After': '5' } });
      }
      ctx.body = { status: 'ready' };
    } else {
      return next();
    }
  };
}
