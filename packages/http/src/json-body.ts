import { bodyParser } from '@koa/bodyparser';

export interface JsonBodyOptions {
  /** Largest body accepted; a larger one is a 413. */
  limit?: string;
  /** Also parse `application/x-www-form-urlencoded` (an OAuth token endpoint needs it). */
  form?: boolean;
}

/**
 * Parses JSON (and optionally form) bodies, DELETE included: @koa/bodyparser skips DELETE unless
 * told, and hosts send the seed's `{"todo_idx": n}` with DELETE. Broken JSON is a 400, too large
 * a body a 413, both as JSON through `jsonErrors`.
 */
export function jsonBody(options: JsonBodyOptions = {}) {
  const limit = options.limit ?? '16kb';
  return bodyParser({
    enableTypes: options.form ? ['json', 'form'] : ['json'],
    parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    jsonLimit: limit,
    formLimit: limit,
    onError(err, ctx) {
      const status = (err as { status?: number }).status;
      if (status === 413) ctx.throw(413, `request body is larger than ${limit}`);
      ctx.throw(400, 'request body is not valid JSON', { field: 'body' });
    },
  });
}
