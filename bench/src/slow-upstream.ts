import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback stand-in for balldontlie that answers every GET late, and counts its calls. */
export interface SlowUpstream {
  /** The base URL to give sport-stats as `UPSTREAM_URL`: `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** Calls received since start (or since the last `reset`). */
  calls: number;
  reset(): void;
  close(): Promise<void>;
}

// Balldontlie-shaped: `{data: [...], meta: {}}`, which is what sport-stats checks before relaying.
const BODY = JSON.stringify({
  data: [
    {
      id: 1,
      conference: 'East',
      division: 'Southeast',
      city: 'Atlanta',
      name: 'Hawks',
      full_name: 'Atlanta Hawks',
      abbreviation: 'ATL',
    },
  ],
  meta: {},
});

/** Starts the slow upstream on a free loopback port; every answer comes `delayMs` late. */
export async function startSlowUpstream(delayMs: number): Promise<SlowUpstream> {
  const server = createServer((req, res) => {
    upstream.calls += 1;
    req.resume();
    setTimeout(() => {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(BODY),
      });
      res.end(BODY);
    }, delayMs);
  });
  const upstream: SlowUpstream = {
    url: '',
    calls: 0,
    reset: () => (upstream.calls = 0),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return upstream;
}
