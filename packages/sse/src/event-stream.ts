import type { ServerResponse } from 'node:http';
import type { Context } from 'koa';

export const EVENT_STREAM_TYPE = 'text/event-stream';

export interface SendOptions {
  /** The event's type (`event:` line); clients default it to `message`. */
  event?: string;
  /** The event's id (`id:` line), which a reconnecting client sends back as `Last-Event-ID`. */
  id?: string;
}

export interface EventStreamOptions {
  /**
   * How long `send()` waits for a client that stopped reading (default 30,000 ms); then the
   * connection is cut, as if the client had gone, so a stalled reader cannot hold it open.
   */
  drainTimeoutMs?: number;
}

/** An open server-sent-events response. */
export interface EventStream {
  /**
   * Writes one event whose data is `data` as JSON on a single line, waiting while the client is
   * slow to read. Resolves to false, writing nothing, once the stream is closed.
   */
  send(data: unknown, options?: SendOptions): Promise<boolean>;
  /** Aborted when the client goes away before `close()`: hand it to work that should stop. */
  readonly signal: AbortSignal;
  /** True after `close()` or once the client has gone. */
  readonly closed: boolean;
  /** Ends the response; safe to call more than once. */
  close(): void;
}

/** Whether the request prefers `text/event-stream` to JSON (a bare `*\/*` gets JSON). */
export function wantsEventStream(ctx: Context): boolean {
  return ctx.accepts('application/json', EVENT_STREAM_TYPE) === EVENT_STREAM_TYPE;
}

// An `event:` or `id:` value with a line break would start a new field (HTML §9.2.6).
function fieldValue(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new TypeError(`SSE \`${name}\` must not contain a line break`);
  return value;
}

function frame(data: unknown, options: SendOptions): string {
  // JSON.stringify escapes every CR and LF inside strings, so the data is always one line.
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('SSE event data must be JSON-serialisable');
  let text = '';
  if (options.event !== undefined) text += `event: ${fieldValue('event', options.event)}\n`;
  if (options.id !== undefined) text += `id: ${fieldValue('id', options.id)}\n`;
  return `${text}data: ${json}\n\n`;
}

// Waits until the client has read what is buffered, or has gone; past `ms` it is cut off.
function drainOrClose(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => res.destroy(), ms);
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Starts a server-sent-events response: status 200, `text/event-stream`, no caching and no proxy
 * buffering, headers sent at once (so a host waiting for them does not time out while the work
 * runs). Koa stops managing the response: the caller must `close()` it (`streamEvents` does).
 * A client that stops reading for `drainTimeoutMs` is cut off. Throws when the response has
 * already started.
 * @example const stream = openEventStream(ctx); await stream.send({ progress: 1 }); stream.close();
 */
export function openEventStream(ctx: Context, options: EventStreamOptions = {}): EventStream {
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  if (ctx.headerSent) throw new Error('cannot open an event stream: the response has started');
  const res = ctx.res;
  ctx.status = 200;
  ctx.type = EVENT_STREAM_TYPE;
  ctx.set('Cache-Control', 'no-cache');
  // nginx buffers proxied responses unless told not to, which would hold every event back.
  ctx.set('X-Accel-Buffering', 'no');
  // Koa would only write the response once the handler returns; the events must go out now.
  ctx.respond = false;
  res.flushHeaders();

  const controller = new AbortController();
  let closed = false;
  res.once('close', () => {
    if (!closed) controller.abort(new Error('the client closed the event stream'));
    closed = true;
  });

  return {
    signal: controller.signal,
    get closed() {
      return closed;
    },
    async send(data, options = {}) {
      const text = frame(data, options);
      if (closed) return false;
      if (!res.write(text)) await drainOrClose(res, drainTimeoutMs);
      return !closed;
    },
    close() {
      if (closed) return;
      closed = true;
      res.end();
    },
  };
}
