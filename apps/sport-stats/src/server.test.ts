import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBalldontlie, type FakeBalldontlie } from '@repo/fake-balldontlie';

// `pnpm dev` as a user runs it: the real process, its upstream the fake balldontlie, started here
// on a free loopback port.

const appDir = fileURLToPath(new URL('..', import.meta.url));
let fake: FakeBalldontlie;
beforeAll(async () => {
  fake = await startFakeBalldontlie();
});
afterAll(() => fake.close());
const running: ChildProcess[] = [];
// Each test's cache starts empty, in a folder of its own (the default would be ./data).
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sport-stats-data-'));
});
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts src/server.ts with `env` (and nothing of this process's UPSTREAM_* settings). */
function start(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('UPSTREAM_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: appDir,
    env: { ...clean, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // With PORT=0 the system picks the port and the server says which: a port found free
  // beforehand could be taken by another test's server while tsx compiles this one.
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const port = /sport-stats listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  listening.catch(() => undefined); // a test that expects an exit does not wait for this
  return { child, exited, listening, output: () => output };
}

describe('the server', () => {
  it(
    'serves all five operations from the upstream in UPSTREAM_URL',
    { timeout: 40_000 },
    async () => {
      const server = start({ PORT: '0', UPSTREAM_URL: fake.url });
      const base = await server.listening;
      expect(server.output()).toContain(`sport-stats: upstream ${fake.url}, no API key`);
      for (const path of [
        '/players?query=davis',
        '/teams',
        '/games?seasons=2024&team_ids=14&limit=2',
        '/stats?player_ids=198&limit=2',
        '/season_averages?player_ids=198',
      ]) {
        const res = await fetch(base + path);
        expect(res.status, path).toBe(200);
        const body = (await res.json()) as { data: unknown[] };
        expect(body.data.length, path).toBeGreaterThan(0);
      }
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    },
  );

  it(
    'says at start-up that it uses the fake on localhost:5090 when UPSTREAM_URL is unset',
    { timeout: 40_000 },
    async () => {
      const server = start({ PORT: '0' });
      await server.listening;
      expect(server.output()).toContain(
        'sport-stats: upstream http://localhost:5090/v1: the fake balldontlie that `pnpm dev` starts',
      );
    },
  );

  it(
    'keeps its answer cache in the store, so a restart still has it',
    { timeout: 60_000 },
    async () => {
      // The cache is keyed by the upstream URL, so both runs use the one upstream.
      const env = { PORT: '0', UPSTREAM_URL: fake.url };
      const first = start(env);
      const firstUrl = await first.listening;
      expect(first.output()).toContain(`answer cache SQLite file ${join(dataDir, 'store.sqlite')}`);
      expect((await fetch(`${firstUrl}/teams`)).headers.get('x-cache')).toBe('miss');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = start(env);
      const secondUrl = await second.listening;
      expect((await fetch(`${secondUrl}/teams`)).headers.get('x-cache')).toBe('hit');
    },
  );

  it(
    'refuses to start with a key and no URL, without printing the key',
    { timeout: 40_000 },
    async () => {
      const server = start({ PORT: '0', UPSTREAM_API_KEY: 'do-not-print-me-41d7' });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain('UPSTREAM_URL');
      expect(server.output()).not.toContain('do-not-print-me-41d7');
    },
  );

  it('refuses to start in production without UPSTREAM_URL', { timeout: 40_000 }, async () => {
    const server = start({ PORT: '0', NODE_ENV: 'production' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(
      'sport-stats: `UPSTREAM_URL` must be set when `NODE_ENV` is production',
    );
  });
});
