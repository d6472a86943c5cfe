import type { Server } from 'node:http';
import { connect } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonBody } from './json-body';
import { jsonErrors } from './json-errors';
import { serve, type ServeOptions } from './serve';

// These tests speak HTTP over a real socket, as a client that misbehaves would.

let server: Server | undefined;
const signals = ['SIGTERM', 'SIGINT'] as const;
const before = signals.map((signal) => process.listeners(signal));

afterEach(async () => {
  // serve() also listens for SIGTERM/SIGINT; this process keeps its own handlers only.
  signals.forEach((signal, i) => {
    for (const listener of process.listeners(signal)) {
      if (!before[i]!.includes(listener)) process.off(signal, listener);
    }
  });
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

async function start(options: Partial<ServeOptions> = {}): Promise<number> {
  const app = new Koa();
  app.silent = true;
  app.use(jsonErrors());
  app.use(jsonBody({ limit: '1kb' }));
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  server = serve(app, { name: 'limits', port: 0, host: '127.0.0.1', ...options });
  await new Promise((ready) => server!.once('listening', ready));
  return (server.address() as { port: number }).port;
}

/**
 * Sends `head` and `body` in full, and only then reads what came back (as a simple client
 * does), until the server closes the connection or `waitMs` passes.
 */
function exchange(port: number, head: string, body = Buffer.alloc(0), waitMs = 2000) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    let answer = '';
    const finish = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', finish);
    socket.on('error', (error) => resolve(`${answer}[${(error as NodeJS.ErrnoException).code}]`));
    socket.write(Buffer.concat([Buffer.from(head), body]), () => socket.resume());
    setTimeout(finish, waitMs);
  });
}

describe('serve limits', { timeout: 10_000 }, () => {
  it.each([
    ['Content-Length', false],
    ['chunked', true],
  ])(
    'lets a client that sends a whole oversized body (%s) first read its 413',
    async (_, chunked) => {
      const port = await start();
      const size = 4_000_000;
      const data = Buffer.alloc(size, 'a');
      const body = chunked
        ? Buffer.concat([
            Buffer.from(`${size.toString(16)}\r\n`),
            data,
            Buffer.from('\r\n0\r\n\r\n'),
          ])
        : data;
      const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`;
      const head =
        'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `${framing}\r\nConnection: close\r\n\r\n`;
      const answer = await exchange(port, head, body);
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('"message":"request body is larger than 1kb"');
    },
  );

  it('answers 408 and closes when the headers do not arrive in time', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 1000 });
    const began = Date.now();
    const answer = await exchange(port, 'GET / HTTP/1.1\r\nHost: local', undefined, 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - began).toBeLessThan(3000);
  });

  it('answers 408 when a body does not arrive in time', async () => {
    const port = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const head =
      'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100\r\n\r\n{"a":';
    const began = Date.now();
    const answer = await exchange(port, head, undefined, 5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - began).toBeLessThan(3000);
  });
});
