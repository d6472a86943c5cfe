import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBalldontlie, type FakeBalldontlie } from '@repo/fake-balldontlie';
import { killServers, startServer } from '@repo/testing';

// `pnpm dev` as a user runs it: the real process, its upstream the fake balldontlie, started here
// on a free loopback port.

let fake: FakeBalldontlie;
beforeAll(async () => {
  fake = await startFakeBalldontlie();
});
afterAll(() => fake.close());
// Each test's cache starts empty, in a folder of its own (the default would be ./data).
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sport-stats-data-'));
});
afterEach(async () => {
  await killServers();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts src/server.ts with `env`; the test's own UPSTREAM_* settings are blanked (unset). */
function start(env: Record<string, string>) {
  const upstream = { UPSTREAM_URL: '', UPSTREAM_API_KEY: '' };
  return startServer({
    dir: new URL('..', import.meta.url),
    env: { ...upstream, DATA_DIR: dataDir, ...env },
  });
}

/** What a server that must not start printed; fails the test when it starts after all. */
async function refusal(env: Record<string, string>): Promise<string> {
  const failed = await start(env).then(
    () => undefined,
    (err: Error) => err.message,
  );
  expect(failed).toContain('exited (1) before listening');
  return failed ?? '';
}

describe('the server', () => {
  it(
    'serves all five operations from the upstream in UPSTREAM_URL',
    { timeout: 40_000 },
    async () => {
      const server = await start({ UPSTREAM_URL: fake.url });
      expect(server.output.join('\n')).toContain(`sport-stats: upstream ${fake.url}, no API key`);
      for (const path of [
        '/players?query=davis',
        '/teams',
        '/games?seasons=2024&team_ids=14&limit=2',
        '/stats?player_ids=198&limit=2',
        '/season_averages?player_ids=198',
      ]) {
        const res = await fetch(server.url + path);
        expect(res.status, path).toBe(200);
        const body = (await res.json()) as { data: unknown[] };
        expect(body.data.length, path).toBeGreaterThan(0);
      }
      expect(await server.stop()).toBe(0);
    },
  );

  it(
    'says at start-up that it uses the fake on 127.0.0.1:5090 when UPSTREAM_URL is unset',
    { timeout: 40_000 },
    async () => {
      const server = await start({});
      expect(server.output.join('\n')).toContain(
        'sport-stats: upstream http://127.0.0.1:5090/v1: the fake balldontlie that `pnpm dev` starts',
      );
    },
  );

  it(
    'keeps its answer cache in the store, so a restart still has it',
    { timeout: 60_000 },
    async () => {
      // The cache is keyed by the upstream URL, so both runs use the one upstream.
      const env = { UPSTREAM_URL: fake.url };
      const first = await start(env);
      expect(first.output.join('\n')).toContain(
        `answer cache SQLite file ${join(dataDir, 'store.sqlite')}`,
      );
      expect((await fetch(`${first.url}/teams`)).headers.get('x-cache')).toBe('miss');
      expect(await first.stop()).toBe(0);

      const second = await start(env);
      expect((await fetch(`${second.url}/teams`)).headers.get('x-cache')).toBe('hit');
    },
  );

  it(
    'refuses to start with a key and no URL, without printing the key',
    { timeout: 40_000 },
    async () => {
      const printed = await refusal({ UPSTREAM_API_KEY: 'do-not-print-me-41d7' });
      expect(printed).toContain('UPSTREAM_URL');
      expect(printed).not.toContain('do-not-print-me-41d7');
    },
  );

  it('refuses to start in production without UPSTREAM_URL', { timeout: 40_000 }, async () => {
    expect(
      await refusal({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://plugin.example.com' }),
    ).toContain('sport-stats: `UPSTREAM_URL` must be set when `NODE_ENV` is production');
  });
});
