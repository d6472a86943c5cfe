import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

// The server as `pnpm dev` runs it, in its own process, on a data folder of this test's own.
const dataDir = mkdtempSync(join(tmpdir(), 'wordbook-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const appDir = new URL('..', import.meta.url).pathname;
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starts `src/server.ts` on a free port; resolves once it listens, with its URL. */
async function start() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const listening = /listening on (http:\/\/\S+)/.exec(line);
      if (listening) resolve(listening[1]!);
    });
    void exited.then((how) => reject(new Error(`server exited (${how}): ${stderr}`)));
  });
  return { child, url, exited, lines };
}

describe('the wordbook server', () => {
  it('keeps a word it acknowledged through kill -9, and says where its data is', async () => {
    const first = await start();
    expect(first.lines).toContain(`wordbook: data SQLite file ${join(dataDir, 'store.sqlite')}`);
    const add = await fetch(`${first.url}/add_word`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ word: 'Serendipity' }),
    });
    expect(add.status).toBe(200);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const again = await start();
    const book = await (await fetch(`${again.url}/get_wordbook`)).json();
    expect(book).toEqual({ wordbook: ['Serendipity'] });
    // SIGTERM: requests finish, the store closes, and the process exits 0.
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 60_000);
});
