import { createServer, type Server } from 'node:http';
import type Koa from 'koa';

export interface ServeOptions {
  name: string;
  port: number;
  /** The address to listen on (`BaseConfig.host`); every interface when unset. */
  host?: string | undefined;
  /** How long a client may take to send a request's headers (default 10,000 ms); then a 408. */
  headersTimeoutMs?: number;
  /** How long a client may take to send a whole request, body included (default 30,000 ms). */
  requestTimeoutMs?: number;
  /** How long in-flight requests may take to finish after SIGTERM/SIGINT (default 5,000 ms). */
  graceMs?: number;
  /** Runs once the last request has finished: close the store here. */
  onClose?: () => Promise<void> | void;
}

/**
 * Stops `server` cleanly: no new connections, idle keep-alive connections closed at once,
 * in-flight requests allowed `graceMs` to finish (then their connections are cut), and only
 * then `onClose`. Resolves when all of that is done; rejects with `onClose`'s error.
 */
export async function closeGracefully(
  server: Server,
  { graceMs = 5000, onClose }: Pick<ServeOptions, 'graceMs' | 'onClose'> = {},
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() only stops accepting: a keep-alive connection, idle now or once its request is
  // answered, would hold it open, so idle ones are closed now and again as requests finish.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  // What is still running at the deadline is cut.
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  sweep.unref();
  deadline.unref();
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
  await onClose?.();
}

/**
 * Listens, announces the URL, and on SIGTERM/SIGINT closes gracefully (`closeGracefully`) and
 * exits 0, or 1 when `onClose` fails. A client slow to send its request is answered 408 once
 * `headersTimeoutMs` or `requestTimeoutMs` has passed, so it cannot hold a connection for long.
 */
export function serve(app: Koa, options: ServeOptions): Server {
  const { name, port, host, headersTimeoutMs = 10_000, requestTimeoutMs = 30_000 } = options;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node checks both timeouts on this interval (30 s by default), so a short one is late.
      connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    },
    app.callback(),
  );
  server.listen(port, host, () => {
    const address = server.address();
    const bound = address && typeof address === 'object' ? address.port : port;
    console.log(`${name} listening on http://localhost:${bound}`);
  });
  const stop = (signal: string) => {
    console.log(`${name}: ${signal}, finishing requests in flight`);
    closeGracefully(server, options).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`${name}: shutting down failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
