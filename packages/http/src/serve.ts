import type { Server } from 'node:http';
import type Koa from 'koa';

export interface ServeOptions {
  name: string;
  port: number;
  host?: string;
  /** How long in-flight requests may take to finish after SIGTERM/SIGINT. */
  graceMs?: number;
}

/**
 * Listens, announces the URL, and on SIGTERM/SIGINT stops accepting, lets in-flight requests
 * finish (bounded by `graceMs`), then exits 0.
 */
export function serve(app: Koa, options: ServeOptions): Server {
  const { name, port, host, graceMs = 5000 } = options;
  const server = app.listen(port, host, () => {
    console.log(`${name} listening on http://localhost:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, graceMs).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
