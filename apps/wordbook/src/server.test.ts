import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killServers, startServer } from '@repo/testing';

// The server as `pnpm dev` runs it, in its own process, on a data folder of this test's own.
const dataDir = mkdtempSync(join(tmpdir(), 'wordbook-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => killServers());
const start = () =>
  startServer({ dir: new URL('..', import.meta.url), env: { DATA_DIR: dataDir } });

describe('the wordbook server', () => {
  it('keeps a word it acknowledged through kill -9, and says where its data is', async () => {
    const first = await start();
    expect(first.output).toContain(`wordbook: data SQLite file ${join(dataDir, 'store.sqlite')}`);
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
