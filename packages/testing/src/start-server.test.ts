import { afterEach, describe, expect, it } from 'vitest';
import { killServers, startServer } from './start-server';

const dir = new URL('../test/', import.meta.url);
const start = (entry: string, env: Record<string, string> = {}, listenTimeoutMs?: number) =>
  startServer({ dir, entry, env, listenTimeoutMs, stopTimeoutMs: 500 });

afterEach(() => killServers());

describe('startServer', { timeout: 30_000 }, () => {
  it('runs a built `.js` file on plain Node and resolves with the port it printed', async () => {
    const server = await start('fixture-server.mjs', { GREETING: 'hello' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(await (await fetch(server.url)).text()).toBe('hello');
    expect(server.output).toEqual([
      'fixture: ready',
      `fixture listening on http://localhost:${server.port}`,
    ]);
  });

  it('runs a `.ts` file from source through tsx', async () => {
    const server = await start('fixture-server.ts');
    expect(await (await fetch(server.url)).text()).toBe('source');
  });

  it('stops it with SIGTERM and resolves to its exit code, with all it printed', async () => {
    const server = await start('fixture-server.mjs');
    expect(await server.stop()).toBe(0);
    expect(await server.exited).toBe(0);
    expect(server.output.at(-1)).toBe('fixture: closing');
  });

  it('SIGKILLs a server that ignores the signal once the stop timeout passes', async () => {
    const server = await start('fixture-server.mjs', { FIXTURE: 'stubborn' });
    expect(await server.stop('SIGTERM')).toBe('SIGKILL');
    expect(server.output).toContain('fixture: ignoring SIGTERM');
  });

  it('rejects with what the server printed when it exits before listening', async () => {
    await expect(start('fixture-server.mjs', { FIXTURE: 'exit' })).rejects.toThrow(
      /fixture-server\.mjs exited \(3\) before listening:\nfixture: no config/,
    );
  });

  it('rejects when the server does not listen in time', async () => {
    await expect(start('fixture-server.mjs', { FIXTURE: 'silent' }, 300)).rejects.toThrow(
      'did not listen within 300 ms',
    );
  });

  it('gives the server PORT=0 and not the test run’s REDIS_URL or DATA_DIR', async () => {
    process.env.REDIS_URL = 'redis://elsewhere';
    process.env.DATA_DIR = '/somewhere';
    try {
      const server = await start('fixture-server.mjs', { FIXTURE: 'env', GREETING: 'x' });
      expect(await (await fetch(server.url)).json()).toEqual({ PORT: '0', GREETING: 'x' });
    } finally {
      delete process.env.REDIS_URL;
      delete process.env.DATA_DIR;
    }
  });
});
