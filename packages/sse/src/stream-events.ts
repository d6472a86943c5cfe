import { STATUS_CODES } from 'node:http';
import type { Context } from 'koa';
import type { ErrorBody } from '@repo/http';
import { openEventStream, type EventStream } from './event-stream';

interface HttpishError {
  status?: unknown;
  expose?: unknown;
  message?: unknown;
  code?: unknown;
  field?: unknown;
}

/**
 * The last event of a stream that failed, in the same shape `jsonErrors()` answers with: a 4xx
 * message is shown (it was the client's fault), anything else is hidden.
 */
export function errorEvent(caught: unknown): ErrorBody {
  const err = (caught ?? {}) as HttpishError;
  const status = Number(err.status);
  const exposed = status >= 400 && status < 500 && err.expose !== false;
  if (!exposed) return { error: 'internal_server_error', message: STATUS_CODES[500]! };
  const custom = typeof err.code === 'string' && /^[a-z][a-z_]*$/.test(err.code);
  const body: ErrorBody = {
    error: custom
      ? (err.code as string)
      : (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_'),
    message: typeof err.message === 'string' ? err.message : STATUS_CODES[status]!,
  };
  if (typeof err.field === 'string') body.field = err.field;
  return body;
}

/**
 * Opens an event stream, runs `produce` with it, and always ends the response. The headers are
 * already sent by then, so an error thrown by `produce` cannot change the status: it becomes the
 * stream's last event (see `errorEvent`), and a 5xx is also emitted to `app.on('error')`. An
 * error after the client has gone is dropped: there is no one to tell.
 * @example await streamEvents(ctx, async (stream) => { await stream.send({ done: true }); });
 */
export async function streamEvents(
  ctx: Context,
  produce: (stream: EventStream) => Promise<void>,
): Promise<void> {
  const stream = openEventStream(ctx);
  try {
    await produce(stream);
  } catch (err) {
    if (stream.signal.aborted) return;
    const status = Number((err as HttpishError | undefined)?.status);
    if (!(status >= 400 && status < 500)) ctx.app.emit('error', err, ctx);
    await stream.send(errorEvent(err));
  } finally {
    stream.close();
  }
}
