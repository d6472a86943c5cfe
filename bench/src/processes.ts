import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A server under test, running as its own process. */
export interface Running {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on the ready path. */
  startMs: number;
  /** The server's own `DATA_DIR`, empty at spawn and removed by `stop`. */
  dataDir: string;
}

/** A free loopback port (bound, read, released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Spawns `node args…` with PORT set and a fresh, empty `DATA_DIR` (the apps' default store, a
 * SQLite file, starts empty on every run), and resolves once `readyPath` answers 200; rejects after
 * `timeoutMs`. Output is kept for the error message.
 */
export async function start(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  timeoutMs = 15_000,
): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const began = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message; bounded, as the apps log a line per request.
  let output = '';
  const keep = (d: Buffer) => {
    if (output.length < 65_536) output += d;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - began < timeoutMs) {
    if (child.exitCode !== null) break;
    const ok = await fetch(url + readyPath).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child, startMs: performance.now() - began, dataDir };
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  throw new Error(`${args.join(' ')} did not answer ${readyPath} in time:\n${output}`);
}

/**
 * sport-stats' upstream in the bench: the fake balldontlie (`@repo/fake-balldontlie/server`), run
 * from source with tsx on a free port in a process of its own, so its work is not counted as the
 * plugin's. Answers the server and the environment that points the plugin at it.
 */
export async function spawnFakeUpstream(): Promise<{
  running: Running;
  env: Record<string, string>;
}> {
  const server = fileURLToPath(import.meta.resolve('@repo/fake-balldontlie/server'));
  // tsx compiles it and it makes its data before it listens: seconds on a loaded machine.
  const args = ['--import', import.meta.resolve('tsx'), server];
  const running = await start(args, {}, '/v1/teams', 60_000);
  return { running, env: { UPSTREAM_URL: `${running.url}/v1` } };
}

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

/** Stops a server and waits for it to exit. */
export async function stop(running: Running): Promise<void> {
  if (running.child.exitCode === null) {
    const exited = new Promise((r) => running.child.once('exit', r));
    running.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    running.child.kill('SIGKILL');
  }
  rmSync(running.dataDir, { recursive: true, force: true });
}
