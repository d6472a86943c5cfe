import request from 'supertest';
import { AUTHORIZE_PATH } from '@repo/auth';
import { startRedisServer, type RedisServer } from '@repo/store/test/redis-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { killAppProcesses, startAppProcess, submitAt, type AppProcess } from '../test/app-process';
import { FakeHost, formFields } from '../test/fake-host';

// One redis-server and two todo-oauth processes on it, as behind a load balancer.
let redis: RedisServer | undefined;
let a: AppProcess;
let b: AppProcess;
let startError: unknown;

// A failure to start is kept and thrown by every test (a failing hook would report them as
// skipped): without redis-server these tests fail, saying why, and never pass unrun.
beforeAll(async () => {
  try {
    redis = await startRedisServer();
    [a, b] = await Promise.all([
      startAppProcess({ REDIS_URL: redis.url }),
      startAppProcess({ REDIS_URL: redis.url }),
    ]);
  } catch (error) {
    startError = error;
  }
}, 90_000);

afterAll(async () => {
  await killAppProcesses();
  await redis?.stop();
}, 30_000);

beforeEach(() => {
  if (startError) throw startError;
});

const codeOf = (back: URL) => back.searchParams.get('code')!;

describe('two todo-oauth instances sharing one Redis', { timeout: 30_000 }, () => {
  it('both say where their data is', () => {
    const line = `todo-oauth: data Redis at ${new URL(redis!.url).host}/0`;
    expect(a.output).toContain(line);
    expect(b.output).toContain(line);
  });

  it('redeems a code issued by A at B once; a second redemption revokes the grant at both', async () => {
    const [atA, atB] = [new FakeHost(a.url), new FakeHost(b.url)];
    const code = codeOf(await atA.consent());
    const first = await atB.exchange(code);
    expect(first.status).toBe(200);
    const access = first.body.access_token as string;
    expect((await atA.api('get', '/todos', access)).status).toBe(200);
    expect((await atB.api('get', '/todos', access)).status).toBe(200);

    const replay = await atA.exchange(code);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    // Revoked at A, so refused at B too, before B has seen any replay of its own.
    expect((await atB.api('get', '/todos', access)).status).toBe(401);
    expect((await atB.refresh(first.body.refresh_token)).body.error).toBe('invalid_grant');
    expect((await atA.api('get', '/todos', access)).status).toBe(401);
    expect((await atB.exchange(code)).body.error).toBe('invalid_grant');
  });

  it('gives exactly one token for a code redeemed at both instances at once', async () => {
    const [atA, atB] = [new FakeHost(a.url), new FakeHost(b.url)];
    // Round after round, one code redeemed at A and at B in the same instant.
    for (let round = 0; round < 10; round += 1) {
      const code = codeOf(await atA.consent());
      const answers = await Promise.all([atA.exchange(code), atB.exchange(code)]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 400]);
      const won = answers.find((res) => res.status === 200)!;
      expect(answers.find((res) => res.status === 400)!.body.error).toBe('invalid_grant');
      // The losing redemption is a replay too: what the winning one got is revoked, at both.
      for (const host of [atA, atB])
        expect((await host.api('get', '/todos', won.body.access_token)).status).toBe(401);
    }
  });

  it('reads through B a todo added through A', async () => {
    const [atA, atB] = [new FakeHost(a.url), new FakeHost(b.url)];
    const { access_token: access } = await atA.signIn('bob');
    const todo = `from A, ${Date.now()}`;
    expect((await atA.api('post', '/todos', access).send({ todo })).status).toBe(201);
    expect((await atB.api('get', '/todos', access)).body.todos).toContain(todo);
  });

  it('honours at A a token refreshed at B; a replayed refresh token at A revokes at B', async () => {
    const [atA, atB] = [new FakeHost(a.url), new FakeHost(b.url)];
    const tokens = await atA.signIn();
    const renewed = await atB.refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await atA.api('get', '/todos', renewed.body.access_token)).status).toBe(200);
    const again = await atA.refresh(renewed.body.refresh_token);
    expect(again.status).toBe(200);
    expect((await atB.api('get', '/todos', again.body.access_token)).status).toBe(200);
    // RFC 9700 §4.14.2: the old refresh token replayed at A ends the grant everywhere.
    expect((await atA.refresh(tokens.refresh_token)).body.error).toBe('invalid_grant');
    expect((await atB.api('get', '/todos', again.body.access_token)).status).toBe(401);
  });

  it('accepts at B a sign-in form that A showed, and refuses it there without the cookie', async () => {
    const page = await new FakeHost(a.url).authorize();
    expect(page.status).toBe(200);
    const withoutCookie = await new FakeHost(b.url).submit(formFields(page.text));
    expect(withoutCookie.status).toBe(403);
    const posted = await submitAt(b.url, page);
    expect(posted.status).toBe(302);
    const code = codeOf(new URL(posted.headers.location as string));
    expect((await new FakeHost(a.url).exchange(code)).status).toBe(200);
  });

  it('counts wrong passwords at both instances together: the limits are kept in Redis', async () => {
    const page = await new FakeHost(a.url).authorize();
    const cookie = (page.headers['set-cookie'] as unknown as string[])
      .map((set) => set.split(';')[0])
      .join('; ');
    const guess = (url: string) =>
      request(url)
        .post(AUTHORIZE_PATH)
        .set('Cookie', cookie)
        .type('form')
        .send({ ...formFields(page.text), username: 'mallory', password: 'x', decision: 'allow' });
    // Ten wrong passwords, five at each: a limit counted per instance would allow ten more.
    for (let i = 0; i < 10; i += 1) expect((await guess(i % 2 ? a.url : b.url)).status).toBe(401);
    expect((await guess(a.url)).status).toBe(429);
    expect((await guess(b.url)).status).toBe(429);
  });
});
