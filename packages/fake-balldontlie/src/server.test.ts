import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `pnpm dev` as turbo runs it: the real process, its port from `PORT` (0 here: any free one).
const packageDir = fileURLToPath(new URL('..', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/localhost:\d+\/v1)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    void exited.then(() => reject(new Error(`exited:\n${output}`)));
  });
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

describe('the fake as a service', () => {
  it(
    'listens on the port it is given, answers, and stops on SIGTERM',
    { timeout: 20_000 },
    async () => {
      const server = start({ PORT: '0' });
      try {
        const url = await server.listening;
        const res = await fetch(`${url}/teams`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(30);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        server.child.kill('SIGKILL');
      }
    },
  );

  it('refuses a bad PORT, naming it', { timeout: 20_000 }, async () => {
    const server = start({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('`PORT`');
  });
});
