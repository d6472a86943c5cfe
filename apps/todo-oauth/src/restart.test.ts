import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '@repo/store';
import { killAppProcesses, startAppProcess, submitAt } from '../test/app-process';
import { FakeHost } from '../test/fake-host';

const dataDir = mkdtempSync(join(tmpdir(), 'todo-oauth-restart-'));

afterAll(async () => {
  await killAppProcesses();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each start compiles the server with tsx: on a busy two-core machine that takes seconds.
describe('todo-oauth on its SQLite file, across a restart', { timeout: 60_000 }, () => {
  it('keeps users signed in, their todos, spent codes and open sign-in forms', async () => {
    const first = await startAppProcess({ DATA_DIR: dataDir });
    expect(first.output).toContain(`todo-oauth: data SQLite file ${join(dataDir, SQLITE_FILE)}`);
    const host = new FakeHost(first.url);
    const code = (await host.consent()).searchParams.get('code')!;
    const tokens = (await host.exchange(code)).body;
    expect(
      (await host.api('post', '/todos', tokens.access_token).send({ todo: 'survive' })).status,
    ).toBe(201);
    // A sign-in page shown just before the restart, and submitted just after it.
    const page = await new FakeHost(first.url).authorize();

    expect(await first.stop('SIGTERM')).toBe(0);
    const again = await startAppProcess({ DATA_DIR: dataDir });
    const after = new FakeHost(again.url);

    expect((await after.api('get', '/todos', tokens.access_token)).body).toEqual({
      todos: ['survive'],
    });
    const posted = await submitAt(again.url, page, 'bob');
    expect(posted.status).toBe(302);
    expect(new URL(posted.headers.location as string).searchParams.get('code')).toMatch(
      /^[0-9a-f]{64}$/,
    );
    const renewed = await after.refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await after.api('get', '/todos', renewed.body.access_token)).body.todos).toEqual([
      'survive',
    ]);

    // What the file holds: hashes only, never a code or token as it was handed out.
    const stored = readdirSync(dataDir)
      .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
      .join('');
    expect(stored).toContain('survive');
    for (const secret of [
      code,
      tokens.access_token,
      tokens.refresh_token,
      renewed.body.access_token,
    ])
      expect(stored).not.toContain(secret);

    // The code was spent before the restart: redeeming it now is a replay, and revokes the grant.
    expect((await after.exchange(code)).body.error).toBe('invalid_grant');
    expect((await after.api('get', '/todos', renewed.body.access_token)).status).toBe(401);
    expect(await again.stop('SIGINT')).toBe(0);
  });

  it('loses no acknowledged write when killed with SIGKILL right after the answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'todo-oauth-kill-'));
    try {
      const first = await startAppProcess({ DATA_DIR: dir });
      const host = new FakeHost(first.url);
      const tokens = await host.signIn('bob');
      const added = await host.api('post', '/todos', tokens.access_token).send({ todo: 'acked' });
      expect(added.status).toBe(201);
      await first.stop('SIGKILL');
      const again = await startAppProcess({ DATA_DIR: dir });
      const after = new FakeHost(again.url);
      expect((await after.api('get', '/todos', tokens.access_token)).body).toEqual({
        todos: ['acked'],
      });
      expect((await after.refresh(tokens.refresh_token)).status).toBe(200);
      await again.stop();
    } finally {
      await killAppProcesses();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
