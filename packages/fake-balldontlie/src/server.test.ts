import { afterEach, describe, expect, it } from 'vitest';
import { killServers, startServer } from '@repo/testing';

// `pnpm dev` as turbo runs it: the real process, its port from `PORT` (0 here: any free one).
const dir = new URL('..', import.meta.url);
afterEach(() => killServers());

describe('the fake as a service', () => {
  it('listens on loopback on the port it is given, answers, and stops on SIGTERM', async () => {
    const server = await startServer({ dir });
    expect(server.output).toContain(`fake-balldontlie listening on ${server.url}/v1`);
    const res = await fetch(`${server.url}/v1/teams`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(30);
    expect(await server.stop()).toBe(0);
  });

  it('refuses a bad PORT, naming it', async () => {
    const failed = await startServer({ dir, env: { PORT: 'eighty' } }).then(
      () => 'it started',
      (err: Error) => err.message,
    );
    expect(failed).toContain('exited (1) before listening');
    expect(failed).toContain('`PORT`');
  });
});
