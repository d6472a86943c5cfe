import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const tsx = createRequire(import.meta.url).resolve('tsx');
const server = new URL('../src/server.ts', import.meta.url).pathname;

/** `src/server.ts` running as its own process, as `pnpm dev` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output: string[];
  /** Resolves to the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts the server with `env` on a free loopback port; resolves once it is listening. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', tsx, server], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output.join(''))?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}`, output, exited });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output.join('')}`)),
    );
  });
}
