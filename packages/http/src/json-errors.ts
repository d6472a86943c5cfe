import { STATUS_CODES } from 'node:http';
import type { Context, Next } from 'koa';

/** The body of every error this repo answers with. No status code inside: that is the HTTP status. */
export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
}

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
  code?: unknown;
  field?: unknown;
  headers?: unknown;
}

function codeFor(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');
}

/** What an error answers with: its status, its JSON body, and the headers it carries. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  headers: Record<string, string> | undefined;
}

/**
 * Turns anything thrown into its answer: a 4xx (http-errors marks them exposable) shows its
 * message, a custom snake_case `code` and the `field` at fault; anything else (a TypeError, a
 * 5xx) is a 500-class answer that reveals nothing. Used by `jsonErrors` and by event streams.
 */
export function errorAnswer(caught: unknown): ErrorAnswer {
  const err = (caught ?? {}) as HttpishError;
  const raw = Number(err.status ?? err.statusCode);
  const status = Number.isInteger(raw) && raw >= 400 && raw <= 599 ? raw : 500;
  const expose = status < 500 && err.expose !== false;
  const custom = typeof err.code === 'string' && /^[a-z][a-z_]*$/.test(err.code);
  const body: ErrorBody = {
    error: expose && custom ? (err.code as string) : codeFor(status),
    message: expose && typeof err.message === 'string' ? err.message : STATUS_CODES[status]!,
  };
  if (expose && typeof err.field === 'string') body.field = err.field;
  const headers =
    err.headers && typeof err.headers === 'object'
      ? (err.headers as Record<string, string>)
      : undefined;
  return { status, body, headers };
}

/**
 * Answers every thrown error as a JSON `ErrorBody` (see `errorAnswer`): 4xx messages are shown,
 * 5xx messages are hidden and the error is re-emitted to `app.on('error')`. `err.headers` (a
 * `WWW-Authenticate`, an `Allow`) are kept, and so are headers set before the throw (CORS).
 * @example app.use(jsonErrors()) // first in the stack
 */
export function jsonErrors() {
  return async function jsonErrors(ctx: Context, next: Next) {
    try {
      await next();
    } catch (caught) {
      const { status, body, headers } = errorAnswer(caught);
      ctx.status = status;
      if (headers) ctx.set(headers);
      ctx.body = body;
      if (status >= 500) ctx.app.emit('error', caught, ctx);
    }
  };
}
