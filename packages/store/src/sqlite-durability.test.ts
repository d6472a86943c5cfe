import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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

  it('refuses a second process the file, naming REDIS_URL as the way to share data', async () => {
    const file = join(dir, 'owned.sqlite');
    const store = new SqliteStore({ file });
    await store.listAppend('todos:ann', 'milk');
    const lines: string[] = [];
    const second = worker(['write', file], (line) => lines.push(line));
    expect(await second.exited).toBeNull(); // it exited by itself, killed by no signal
    expect(second.child.exitCode).not.toBe(0);
    expect(second.stderr()).toMatch(/owned\.sqlite is in use by another process.*REDIS_URL/);
    expect(lines).toEqual([]); // it wrote nothing
    expect(await store.listItems('todos:ann')).toEqual(['milk']);
    await store.close();
  }, 30_000);
});
