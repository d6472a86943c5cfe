import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './env';
import { HEALTH_PATHS } from './health';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** `BaseConfig.logLevel`; `info` shows a line per request. */
  logLevel?: LogLevel;
  /** `BaseConfig.production`: JSON lines there, short coloured lines for a person otherwise. */
  production?: boolean;
  /** Where JSON lines go instead of standard output (tests pass a stream they read). */
  destination?: DestinationStream;
}

export interface RequestLogOptions {
  /** Where the lines go; nowhere unless given (an app built by a test). */
  logger?: Logger | undefined;
  /** Paths logged at `debug` rather than `info` (the health checks a load balancer polls). */
  quietPaths?: string[];
}

// A backstop for what a line could carry if someone logged a request, a response or a form:
// fixed paths only, so pino checks just these keys (a wildcard path walks every logged object).
// A request line is built from fields that hold none of them.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
  'code',
];

/**
 * An error as a log line shows it: its type, message, stack and `cause`, and nothing else. An
 * error's own properties (an HTTP client's `headers` or `config`, a `token`) are never logged.
 */
function errorFields(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return err === undefined ? undefined : String(err);
  const { name, message, stack, cause } = err;
  const fields: Record<string, unknown> = { type: name, message, stack };
  if (cause !== undefined && depth < 3) fields.cause = errorFields(cause, depth + 1);
  return fields;
}

// A client's request id is kept when it is short and plain; anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id `requestLog` gave this request (the client's `X-Request-Id`, or a new one). */
export function requestIdOf(ctx: Context): string | undefined {
  return (ctx.state as { requestId?: string }).requestId;
}

/**
 * The app's pino logger, named `name`: in production one JSON object per line (what a log
 * collector reads), otherwise short lines for a terminal. Async because the pretty printer is
 * loaded only in development.
 * @example const logger = await createLogger('todo-noauth', config);
 */
export async function createLogger(name: string, options: LoggerOptions = {}): Promise<Logger> {
  const settings = {
    name,
    level: options.logLevel ?? 'info',
    redact: REDACT,
    serializers: { err: errorFields },
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.production) return pino(settings);
  const { default: PinoPretty } = await import('pino-pretty');
  const pretty = PinoPretty({
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,name,method,path,status,ms,requestId',
    singleLine: true,
  });
  return pino(settings, pretty);
}

/** A logger that writes nothing: what an app logs with when the caller gives none (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * Logs one line per request once its answer is sent: method, path (never the query string, which
 * may hold a code or a token), status, duration in ms and request id. Headers and bodies are never
 * logged. The request id is the client's `X-Request-Id` when it is plain and at most 128
 * characters, otherwise a new UUID; it is sent back in `X-Request-Id`. The errors the app emits
 * (`app.on('error')`: the 5xx that `jsonErrors` hides) go to the same logger, with their stack.
 * Goes first in the stack.
 * @example app.use(requestLog({ logger }))
 */
export function requestLog(options: RequestLogOptions = {}) {
  const logger = options.logger ?? silentLogger();
  const quiet = new Set(options.quietPaths ?? HEALTH_PATHS);
  const apps = new WeakSet<Context['app']>();
  return async function requestLog(ctx: Context, next: Next) {
    if (!apps.has(ctx.app) && logger.isLevelEnabled('error')) {
      apps.add(ctx.app);
      // In place of Koa's own printer, which `callback()` added when nothing listened.
      ctx.app.off('error', ctx.app.onerror);
      ctx.app.on('error', (err: unknown, errCtx?: Context) => {
        logger.error({ err, requestId: errCtx && requestIdOf(errCtx) }, 'request failed');
      });
    }
    const began = performance.now();
    const given = ctx.get('X-Request-Id');
    const requestId = REQUEST_ID.test(given) ? given : randomUUID();
    (ctx.state as { requestId?: string }).requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const { method, path } = ctx;
    // `close` comes once the answer is sent or the client has gone, streams included.
    ctx.res.once('close', () => {
      const status = ctx.res.statusCode;
      const level = status >= 500 ? 'error' : quiet.has(path) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const ms = Math.round((performance.now() - began) * 10) / 10;
      const line = { method, path, status, ms, requestId };
      logger[level](line, `${method} ${path} ${status} ${ms}ms`);
    });
    await next();
  };
}
