import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa, { type Context } from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream, wantsEventStream, type EventStream } from './event-stream';
import { streamEvents } from './stream-events';

// These tests read the stream the way a host does: over a real socket, event by event.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

async function listen(handler: (ctx: Context) => Promise<void>): Promise<string> {
  const app = new Koa();
  app.silent = true;
  app.use(handler);
  server = app.listen(0, '127.0.0.1');
  await new Promise((ready) => server!.once('listening', ready));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A promise with its resolver outside, so a test decides when the server goes on. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Reads whole events (text up to each blank line) from a response body, one per call. */
function eventReader(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async function next(): Promise<string | undefined> {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) return undefined;
      buffer += value;
    }
    const end = buffer.indexOf('\n\n');
    const event = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return event;
  };
}

describe('openEventStream', () => {
  it('sends the headers at once, before any event, with caching and proxy buffering off', async () => {
    const work = gate();
    const url = await listen(async (ctx) => {
      const stream = openEventStream(ctx);
      await work.opened;
      await stream.send({ done: true });
      stream.close();
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    work.open();
    expect(await res.text()).toBe('data: {"done":true}\n\n');
  });

  it('delivers each event as it is sent, not when the handler returns', async () => {
    const second = gate();
    const url = await listen(async (ctx) => {
      const stream = openEventStream(ctx);
      await stream.send({ step: 1 });
      await second.opened;
      await stream.send({ step: 2 });
      stream.close();
    });
    const next = eventReader(await fetch(url));
    expect(await next()).toBe('data: {"step":1}');
    second.open();
    expect(await next()).toBe('data: {"step":2}');
    expect(await next()).toBeUndefined();
  });

  it('writes every event as one data line of JSON, with optional event and id lines', async () => {
    const url = await listen(async (ctx) => {
      const stream = openEventStream(ctx);
      await stream.send({ text: 'two\nlines\r\nhere' }, { event: 'progress', id: '7' });
      await stream.send(['a', 1]);
      stream.close();
    });
    const text = await (await fetch(url)).text();
    expect(text).toBe(
      'event: progress\nid: 7\ndata: {"text":"two\\nlines\\r\\nhere"}\n\ndata: ["a",1]\n\n',
    );
  });

  it('refuses an event name or id with a line break, and data that is not JSON', async () => {
    const errors: string[] = [];
    const url = await listen(async (ctx) => {
      const stream = openEventStream(ctx);
      for (const bad of [
        () => stream.send({}, { event: 'a\nb' }),
        () => stream.send({}, { id: 'a\rb' }),
        () => stream.send(undefined),
      ]) {
        await bad().catch((err: Error) => errors.push(err.message));
      }
      stream.close();
    });
    expect(await (await fetch(url)).text()).toBe('');
    expect(errors).toEqual([
      'SSE `event` must not contain a line break',
      'SSE `id` must not contain a line break',
      'SSE event data must be JSON-serialisable',
    ]);
  });

  it('aborts its signal and stops sending when the client goes away', async () => {
    const seen = gate();
    let stream!: EventStream;
    let afterAbort: boolean | undefined;
    const url = await listen(async (ctx) => {
      stream = openEventStream(ctx);
      await stream.send({ step: 1 });
      await new Promise((resolve) => stream.signal.addEventListener('abort', resolve));
      afterAbort = await stream.send({ step: 2 });
      seen.open();
    });
    const client = new AbortController();
    const next = eventReader(await fetch(url, { signal: client.signal }));
    expect(await next()).toBe('data: {"step":1}');
    client.abort();
    await seen.opened;
    expect(stream.signal.aborted).toBe(true);
    expect(stream.closed).toBe(true);
    expect(afterAbort).toBe(false);
  });
});

describe('openEventStream with a client that stops reading', () => {
  it('cuts the connection after drainTimeoutMs, aborting the signal', async () => {
    const finished = gate();
    let sent = 0;
    let stream!: EventStream;
    const url = await listen(async (ctx) => {
      stream = openEventStream(ctx, { drainTimeoutMs: 300 });
      // Events far larger than the socket buffers: the writes back up at once.
      while (await stream.send({ text: 'x'.repeat(1 << 20) })) sent += 1;
      finished.open();
    });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => {});
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    socket.pause(); // a host that hangs without closing: it never reads again
    const began = Date.now();
    await finished.opened;
    expect(Date.now() - began).toBeLessThan(3000);
    expect(stream.signal.aborted).toBe(true);
    expect(sent).toBeLessThan(50);
    socket.destroy();
  });
});

describe('streamEvents', () => {
  it('ends the stream after the producer returns', async () => {
    const url = await listen((ctx) => streamEvents(ctx, (s) => s.send({ ok: 1 }).then(() => {})));
    expect(await (await fetch(url)).text()).toBe('data: {"ok":1}\n\n');
  });

  it('turns a 4xx thrown mid-stream into a last event naming the field', async () => {
    const url = await listen((ctx) =>
      streamEvents(ctx, async (stream) => {
        await stream.send({ step: 1 });
        ctx.throw(409, 'the `book` is empty', { field: 'book' });
      }),
    );
    const text = await (await fetch(url)).text();
    expect(text).toBe(
      'data: {"step":1}\n\n' +
        'data: {"error":"conflict","message":"the `book` is empty","field":"book"}\n\n',
    );
  });

  it('hides a 5xx thrown mid-stream and reports it to app.on("error")', async () => {
    const reported: unknown[] = [];
    const app = new Koa();
    app.on('error', (err) => reported.push(err));
    app.use((ctx) =>
      streamEvents(ctx, async () => {
        throw new Error('database password is hunter2');
      }),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((ready) => server!.once('listening', ready));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    expect(await res.text()).toBe(
      'data: {"error":"internal_server_error","message":"Internal Server Error"}\n\n',
    );
    expect(reported).toHaveLength(1);
  });
});

describe('wantsEventStream', () => {
  it('streams only when the client prefers text/event-stream to JSON', async () => {
    const url = await listen(async (ctx) => {
      ctx.body = { stream: wantsEventStream(ctx) };
    });
    const ask = async (accept?: string) => {
      const res = await fetch(url, { headers: accept ? { Accept: accept } : {} });
      return ((await res.json()) as { stream: boolean }).stream;
    };
    expect(await ask('text/event-stream')).toBe(true);
    expect(await ask('application/json;q=0.5, text/event-stream')).toBe(true);
    expect(await ask('application/json, text/event-stream')).toBe(false);
    expect(await ask('*/*')).toBe(false);
    expect(await ask()).toBe(false);
  });
});
