import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const tsx = createRequire(import.meta.url).resolve('tsx');
// What `serve()` from @repo/http prints once the port is bound (a server on 127.0.0.1 says so,
// and may add its base path: `listening on http://127.0.0.1:5090/v1`).
const LISTENING = /listening on http:\/\/(?:localhost|127\.0\.0\.1):(\d+)(?:\/\S*)?$/;
const running = new Map<ChildProcess, Promise<number | NodeJS.Signals>>();

export interface StartServerOptions {
  /** The app's folder: the process runs there, and `entry` is read from there. */
  dir: string | URL;
  /**
   * The server file: a `.ts` file runs from source through tsx, as `pnpm dev` runs it; a `.js`
   * file runs on plain Node, as `pnpm start` runs the build. Default `src/server.ts`.
   */
  entry?: string;
  /** Set on top of the test's own environment, after `PORT=0`. */
  env?: Record<string, string>;
  /** How long it may take to print its port before it is killed. Default 30 s. */
  listenTimeoutMs?: number;
  /** How long `stop()` waits after its signal before a SIGKILL. Default 10 s. */
  stopTimeoutMs?: number;
}

/** A server running as a process of its own. */
export interface ServerProcess {
  /** Where it listens, on loopback: `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  child: ChildProcess;
  /** What it printed so far, stdout and stderr, line by line. */
  output: string[];
  /** Resolves to the exit code, or the signal's name, once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
  /** Sends `signal` (default SIGTERM), SIGKILLs it after `stopTimeoutMs`; resolves as `exited`. */
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

/**
 * Starts a server with `PORT=0`, so the system picks a free port, and resolves once it prints
 * the port it listens on. Rejects, with everything it printed, when it exits first or does not
 * listen within `listenTimeoutMs` (it is killed then). `REDIS_URL` and `DATA_DIR` are not passed
 * on from the test's environment: where a server's data lives is the test's to say, in `env`.
 * @example const server = await startServer({ dir: new URL('..', import.meta.url) });
 */
export function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const { entry = 'src/server.ts', listenTimeoutMs = 30_000, stopTimeoutMs = 10_000 } = options;
  const cwd = typeof options.dir === 'string' ? options.dir : fileURLToPath(options.dir);
  const args = entry.endsWith('.ts') ? ['--import', tsx, entry] : [entry];
  const inherited = { ...process.env };
  delete inherited.REDIS_URL;
  delete inherited.DATA_DIR;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...inherited, PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // `close`, not `exit`: by then everything it printed has been read into `output`.
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'SIGKILL')),
  );
  running.set(child, exited);
  void exited.then(() => running.delete(child));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    const how = await exited;
    clearTimeout(timer);
    return how;
  };

  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${join(cwd, entry)} ${why}:\n${output.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`did not listen within ${listenTimeoutMs} ms`),
      listenTimeoutMs,
    );
    void exited.then((how) => fail(`exited (${how}) before listening`));
    const read = (line: string) => {
      output.push(line);
      const port = LISTENING.exec(line)?.[1];
      if (!port || settled) return;
      settled = true;
      clearTimeout(timer);
      const url = `http://127.0.0.1:${port}`;
      resolve({ url, port: Number(port), child, output, exited, stop });
    };
    createInterface({ input: child.stdout }).on('line', read);
    createInterface({ input: child.stderr }).on('line', read);
  });
}

/** SIGKILLs every server this file's tests started that is still running: for `afterEach`. */
export async function killServers(): Promise<void> {
  for (const child of running.keys()) child.kill('SIGKILL');
  await Promise.all(running.values());
}
