import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './cli';

const GOOD = new URL('../test/fixtures/good/', import.meta.url).pathname;

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({ write: (chunk, _, done) => (write(String(chunk)), done()) });
  const status = await main(
    argv,
    sink((s) => (out += s)) as never,
    sink((s) => (err += s)) as never,
  );
  return { status, out, err };
}

describe('ai-plugin', () => {
  it('exits 0 on a plugin with no errors and prints the logo it found', async () => {
    const { status, out } = await run('lint', GOOD, '--host', 'ernie');
    expect(status).toBe(0);
    expect(out).toContain('logo: PNG, 512x512');
    expect(out).toContain('✓ no errors');
  });

  it('exits 1 with rule, path, message and fix when there are errors', async () => {
    const { status, out } = await run('lint', 'http://127.0.0.1:9');
    expect(status).toBe(1);
    expect(out).toMatch(/error {4}fetch\/manifest {2}\$\n.*failed[\s\S]*fix: serve the manifest/);
  });

  it('prints JSON for tools with --json', async () => {
    const { out } = await run('lint', GOOD, '--json');
    expect(JSON.parse(out)).toMatchObject({ hosts: ['openai'], errors: 0, findings: [] });
  });

  it('applies every host with --host all, and GPT Actions with --host actions', async () => {
    const all = JSON.parse((await run('lint', GOOD, '--host', 'all', '--json')).out);
    expect(all).toMatchObject({ hosts: ['openai', 'ernie', 'actions'], errors: 0 });
    // A folder is linted on http://localhost, which no GPT can reach: a warning, not an error.
    expect(all.findings.map((f: { rule: string }) => f.rule)).toEqual(['actions/public-server']);
    const actions = JSON.parse((await run('lint', GOOD, '--host', 'actions', '--json')).out);
    expect(actions.hosts).toEqual(['openai', 'actions']);
  });

  it('exits 2 with a message on a bad command line', async () => {
    expect((await run('lint', GOOD, '--host', 'bing')).err).toContain(
      '`--host` must be openai, ernie, actions or all',
    );
    expect((await run('lint', '/no/such/dir')).status).toBe(2);
    expect((await run('frobnicate', GOOD)).err).toContain('unknown command `frobnicate`');
    expect((await run()).status).toBe(2);
  });
});
