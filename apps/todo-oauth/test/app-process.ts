import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import request from 'supertest';
import { AUTHORIZE_PATH } from '@repo/auth';
import { CLIENT, formFields, USERS } from './fake-host';

const tsx = createRequire(import.meta.url).resolve('tsx');
const appDir = new URL('..', import.meta.url).pathname;
const running = new Map<ChildProcess, Promise<number | null>>();

/** The test client and users, as the environment a real todo-oauth process reads. */
export const TEST_ENV = {
  OAUTH_CLIENT_ID: CLIENT.id,
  OAUTH_CLIENT_SECRET: CLIENT.secret,
  OAUTH_REDIRECT_URIS: CLIENT.redirectUris.join(','),
  DEMO_USERS: [...USERS].map(([name, password]) => `${name}:${password}`).join(','),
  OPENAI_VERIFICATION_TOKEN: 'test-verification',
};

/** A todo-oauth server running as a process of its own, as `pnpm dev` runs it. */
export interface AppProcess {
  /** Where it listens, on loopback. */
  url: string;
  /** What it printed, stdout and stderr, line by line. */
  output: string[];
  /** Sends `signal` and resolves to the exit code; SIGKILLs it after 10 s. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `src/server.ts` (through tsx) on a free loopback port with `env` on top of the test
 * client's; resolves once it listens, rejects with its output if it exits or takes 30 s.
 */
export function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  // Where the data lives is the test's to say, never the environment's it runs in.
  const inherited = { ...process.env };
  delete inherited.REDIS_URL;
  delete inherited.DATA_DIR;
  const child = spawn(process.execPath, ['--import', tsx, 'src/server.ts'], {
    cwd: appDir,
    env: { ...inherited, NODE_ENV: 'development', PORT: '0', ...TEST_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  running.set(child, exited);
  void exited.then(() => running.delete(child));
  const output: string[] = [];
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    let listening = false;
    const fail = (why: string) => {
      if (listening) return;
      child.kill('SIGKILL');
      reject(new Error(`todo-oauth ${why}:\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => fail('did not listen within 30 s'), 30_000);
    child.once('exit', (code) => fail(`exited (${code}) before listening`));
    const read = (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        output.push(line);
        const port = /listening on http:\/\/localhost:(\d+)$/.exec(line)?.[1];
        if (port && !listening) {
          listening = true;
          clearTimeout(timer);
          resolve({ url: `http://127.0.0.1:${port}`, output, stop });
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
  });
}

/** SIGKILLs every app process still running: for `afterAll`, so a failed test leaves none. */
export async function killAppProcesses(): Promise<void> {
  for (const child of running.keys()) child.kill('SIGKILL');
  await Promise.all(running.values());
}

/**
 * The user's browser posts the form of `page` (a fresh sign-in page, which set the CSRF cookie)
 * to `plugin`, signing in as `user`: behind a load balancer, maybe not the instance that showed it.
 */
export function submitAt(
  plugin: string,
  page: { text: string; headers: Record<string, unknown> },
  user = 'alice',
) {
  const setCookie = (page.headers['set-cookie'] as string[] | undefined) ?? [];
  if (setCookie.length === 0) throw new Error('the sign-in page set no cookie: use a new browser');
  return request(plugin)
    .post(AUTHORIZE_PATH)
    .set('Cookie', setCookie.map((cookie) => cookie.split(';')[0]).join('; '))
    .type('form')
    .send({
      ...formFields(page.text),
      username: user,
      password: USERS.get(user),
      decision: 'allow',
    });
}
