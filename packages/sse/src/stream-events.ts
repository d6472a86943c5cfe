import type { Context } from 'koa';
import { errorAnswer, type ErrorBody } from '@repo/http';
import { openEventStream, type EventStream, type EventStreamOptions } from './event-stream';

/**
 * The last event of a stream that failed, in the shape `jsonErrors()` answers with (the same
 * `errorAnswer`): a 4xx message is shown (it was the client's fault), anything else is hidden.
 */
export function errorEvent(caught: unknown): ErrorBody {
  return errorAnswer(caught).body;
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
  options: EventStreamOptions = {},
): Promise<void> {
  const stream = openEventStream(ctx, options);
  try {
    await produce(stream);
  } catch (err) {
    if (stream.signal.aborted) return;
    const { status, body } = errorAnswer(err);
    if (status >= 500) ctx.app.emit('error', err, ctx);
    await stream.send(body);
  } finally {
    stream.close();
  }
}
