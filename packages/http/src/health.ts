import type { Context, Next } from 'koa';

/** Where a load balancer or an orchestrator asks: is the process up, can it serve? */
export const HEALTH_PATHS = ['/healthz', '/readyz'];

export interface HealthOptions {
  /** The app's store: ready when its `probe()` resolves (it answers and can write). */
  store?: ProbedStore;
  /** Any other check: resolves when the app can serve, rejects when not. */
  ready?: () => Promise<void>;
  /** How long `ready` may take before the answer is 503 (default 2,000 ms). */
  timeoutMs?: number;
}

/** Something that can say it is ready, as `@repo/store`'s `Store` does. */
export interface ProbedStore {
  probe(): Promise<void>;
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
 * `ready()` (or the store's `probe()`) resolves, or 503 when it rejects or takes longer than
 * `timeoutMs` (the reason stays in the log: `app.on('error')`). Neither is part of the plugin's spec. Goes near the top of the
 * stack, before anything that limits or authenticates requests.
 * @example app.use(health({ store }))
 */
export function health(options: HealthOptions = {}) {
  const { timeoutMs = 2000 } = options;
  const { store } = options;
  const ready = options.ready ?? (store && (() => store.probe()));
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
