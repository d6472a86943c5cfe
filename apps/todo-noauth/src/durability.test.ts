import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killServers, startServer } from '@repo/testing';

// The app as it runs for real: `src/server.ts` in a process of its own, on the default store (a
// SQLite file in DATA_DIR), killed and started again.
let dataDir: string;
const start = () =>
  startServer({ dir: new URL('..', import.meta.url), env: { DATA_DIR: dataDir } });

const add = (url: string, user: string, todo: string) =>
  fetch(`${url}/todos/${user}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ todo }),
  });
const list = async (url: string, user: string) =>
  ((await (await fetch(`${url}/todos/${user}`)).json()) as { todos: string[] }).todos;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'todo-noauth-data-'));
});
afterEach(async () => {
  await killServers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('todo-noauth on its default store', { timeout: 60_000 }, () => {
  it('says where its data lives when it starts', async () => {
    const server = await start();
    expect(server.output.join('\n')).toContain(`data SQLite file ${join(dataDir, 'store.sqlite')}`);
  });

  it('loses no acknowledged todo when killed with SIGKILL right after the 2xx', async () => {
    const first = await start();
    const todos = Array.from({ length: 50 }, (_, i) => `todo ${i}`);
    const answers = await Promise.all(todos.map((todo) => add(first.url, 'ann', todo)));
    expect(answers.map((res) => res.status)).toEqual(todos.map(() => 201));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await start();
    expect((await list(second.url, 'ann')).sort()).toEqual([...todos].sort());
  });

  it('on SIGTERM answers the adds in flight, keeps every one it acknowledged, and exits 0', async () => {
    const first = await start();
    const todos = Array.from({ length: 300 }, (_, i) => `todo ${i}`);
    const sent = todos.map((todo) =>
      add(first.url, 'bob', todo).then(
        (res) => res.status,
        () => 0,
      ),
    );
    // The signal comes once the first add is answered, with the others in flight or queued.
    await Promise.race(sent);
    first.child.kill('SIGTERM');
    const statuses = await Promise.all(sent);
    expect(await first.exited).toBe(0);
    // Each request was either answered 201 or refused before it was read: none failed half-way.
    expect(statuses.every((status) => status === 201 || status === 0)).toBe(true);
    const acknowledged = todos.filter((_, i) => statuses[i] === 201);
    expect(acknowledged.length).toBeGreaterThan(0);

    const second = await start();
    expect((await list(second.url, 'bob')).sort()).toEqual(acknowledged.sort());
  });
});
