import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'store-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const packageDir = new URL('..', import.meta.url).pathname;
// A worker left running by a failed test is killed, so none outlives its test.
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starts `test/sqlite-worker.ts` in its own Node process; `onLine` hears each line it prints. */
function worker(args: string[], onLine: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/sqlite-worker.ts', ...args], {
    cwd: packageDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise<string | null>((resolve) =>
    child.on('exit', (_, signal) => resolve(signal)),
  );
  return { child, exited, stderr: () => stderr };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('SqliteStore durability', () => {
  it('keeps every acknowledged write of a process killed with SIGKILL mid-write', async () => {
    const file = join(dir, 'killed.sqlite');
    let acked = -1;
    const { child, exited, stderr } = worker(['write', file], (line) => {
      acked = Number(line.replace('ack ', ''));
      // Killed while it keeps writing: the kill lands in the middle of some later write.
      if (acked === 199) child.kill('SIGKILL');
    });
    expect(await exited, stderr()).toBe('SIGKILL');
    expect(acked).toBeGreaterThanOrEqual(199);

    const store = new SqliteStore({ file });
    const todos = await store.listItems('todos:ann');
    // Every acknowledged round is there; a round cut short by the kill may be, in part.
    expect(todos.slice(0, acked + 1)).toEqual(range(acked + 1).map((i) => `todo ${i}`));
    expect(todos.length - (acked + 1)).toBeLessThanOrEqual(1);
    const words = await store.setMembers('words:ann');
    expect(words.slice(0, acked + 1)).toEqual(range(acked + 1).map((i) => `word ${i}`));
    const book = await store.mapValues('book:ann');
    expect(book.slice(0, acked + 1)).toEqual(range(acked + 1).map((i) => `Word ${i}`));
    for (const i of range(acked + 1)) expect(await store.get(`code:${i}`)).toBe(`value ${i}`);
    await store.close();
  }, 60_000);

  it('hands out each index and each code once, and keeps a map cap, when two processes race', async () => {
    const file = join(dir, 'race.sqlite');
    const setup = new SqliteStore({ file });
    for (const i of range(50)) await setup.put(`code:${i}`, `value ${i}`);
    await setup.close();

    type Result = { indexes: number[]; taken: (string | null)[]; added: string[] };
    const results: Result[] = [];
    let ready = 0;
    const workers = ['one', 'two'].map((name) =>
      worker(['race', file, name], (line) => {
        if (line !== 'ready') return void results.push(JSON.parse(line) as Result);
        // Both have opened the file: start them together.
        if (++ready === 2) for (const w of workers) w.child.stdin.write('go\n');
      }),
    );
    for (const w of workers) expect(await w.exited, w.stderr()).toBeNull();
    expect(results).toHaveLength(2);

    const indexes = results.flatMap((r) => r.indexes).sort((a, b) => a - b);
    expect(indexes).toEqual(range(300));
    const taken = results.flatMap((r) => r.taken).filter((v) => v !== null);
    expect(taken.sort()).toEqual(
      range(50)
        .map((i) => `value ${i}`)
        .sort(),
    );
    // Of 300 adds of different fields to a map capped at 200, exactly 200 were let in.
    const added = results.flatMap((r) => r.added);
    expect(added).toHaveLength(200);

    const store = new SqliteStore({ file });
    expect(await store.listItems('todos:race')).toHaveLength(300);
    expect(await store.mapValues('book:race')).toHaveLength(200);
    await store.close();
  }, 60_000);

  it('checks a map cap under the write lock: a map another process fills meanwhile is full', async () => {
    const file = join(dir, 'cap.sqlite');
    const setup = new SqliteStore({ file });
    for (const i of range(9)) await setup.mapAdd('book:capped', `w${i}`, `w${i}`);
    await setup.close();
    const lines: string[] = [];
    let isReady: () => void;
    const started = new Promise<void>((resolve) => (isReady = resolve));
    const { child, exited, stderr } = worker(['cap', file], (line) => {
      lines.push(line);
      if (line === 'ready') isReady();
    });
    await started;
    // Another writer holds the lock and adds the tenth field while the worker's mapAdd waits for
    // it: a cap counted before taking the lock would still see 9 fields, and let an 11th in.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other
      .prepare('INSERT INTO map_fields (key, field, value) VALUES (?, ?, ?)')
      .run('book:capped', 'w9', 'w9');
    child.stdin.write('go\n');
    await sleep(500);
    other.exec('COMMIT');
    other.close();
    expect(await exited, stderr()).toBeNull();
    expect(lines).toEqual(['ready', 'full']);
    const store = new SqliteStore({ file });
    expect(await store.mapValues('book:capped')).toHaveLength(10);
    await store.close();
  }, 30_000);
});
