import request from 'supertest';
import { AUTHORIZE_PATH } from '@repo/auth';
import { killServers, startServer, type ServerProcess } from '@repo/testing';
import { CLIENT, formFields, USERS } from './fake-host';

/** The test client and users, as the environment a real todo-oauth process reads. */
export const TEST_ENV = {
  OAUTH_CLIENT_ID: CLIENT.id,
  OAUTH_CLIENT_SECRET: CLIENT.secret,
  OAUTH_REDIRECT_URIS: CLIENT.redirectUris.join(','),
  DEMO_USERS: [...USERS].map(([name, password]) => `${name}:${password}`).join(','),
  OPENAI_VERIFICATION_TOKEN: 'test-verification',
};

/** A todo-oauth server running as a process of its own, as `pnpm dev` runs it. */
export type AppProcess = ServerProcess;

/**
 * Starts `src/server.ts` (through tsx) on a free loopback port with `env` on top of the test
 * client's; resolves once it listens, rejects with its output if it exits or takes 30 s.
 */
export function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  return startServer({
    dir: new URL('..', import.meta.url),
    env: { NODE_ENV: 'development', ...TEST_ENV, ...env },
  });
}

/** SIGKILLs every app process still running: for `afterAll`, so a failed test leaves none. */
export const killAppProcesses = killServers;

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
