import type { IncomingMessage } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import type { Context, Next } from 'koa';

export interface JsonBodyOptions {
  /** Largest body accepted; a larger one is a 413. */
  limit?: string;
  /** Deepest nesting of arrays and objects accepted (default 32); a deeper body is a 400. */
  maxDepth?: number;
  /** Also parse `application/x-www-form-urlencoded` (an OAuth token endpoint needs it). */
  form?: boolean;
}

/** Whether `value` nests arrays or objects deeper than `max`, found without recursion. */
function deeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Reads the rest of a request the parser gave up on, discarding it, until it ends or `ms` pass.
 * Answering first would close the connection on a client still sending (it asked to close, or
 * is cut by the timeout), and its system then drops the answer on the floor with a reset.
 */
function drain(req: IncomingMessage, ms: number): Promise<void> {
  if (req.complete) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      req.off('end', done).off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    req.on('end', done).on('close', done).resume();
  });
}

/**
 * Parses JSON (and optionally form) bodies, DELETE included: @koa/bodyparser skips DELETE unless
 * told, and hosts send the seed's `{"todo_idx": n}` with DELETE. Broken JSON and a body nested
 * deeper than `maxDepth` (code that walks it recursively would run out of stack) are a 400 naming
 * `body`, too large a body a 413 the client can read, all as JSON through `jsonErrors`.
 * @example app.use(jsonBody({ limit: '16kb' }))
 */
export function jsonBody(options: JsonBodyOptions = {}) {
  const limit = options.limit ?? '16kb';
  const maxDepth = options.maxDepth ?? 32;
  const parse = bodyParser({
    enableTypes: options.form ? ['json', 'form'] : ['json'],
    parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    jsonLimit: limit,
    formLimit: limit,
    onError(err, ctx) {
      const status = (err as { status?: number }).status;
      if (status === 413) ctx.throw(413, `request body is larger than ${limit}`, { drain: true });
      ctx.throw(400, 'request body is not valid JSON', { field: 'body' });
    },
  });
  return async function jsonBody(ctx: Context, next: Next) {
    try {
      await parse(ctx, async () => {
        if (deeperThan(ctx.request.body, maxDepth)) {
          ctx.throw(400, `request body is nested deeper than ${maxDepth} levels`, {
            field: 'body',
          });
        }
        await next();
      });
    } catch (err) {
      // A 413 is answered once the client has sent its body (or 5 s on), so it can read it.
      if ((err as { drain?: boolean }).drain) await drain(ctx.req, 5000);
      throw err;
    }
  };
}
