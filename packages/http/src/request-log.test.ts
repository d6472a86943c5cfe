import { Writable } from 'node:stream';
import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonBody } from './json-body';
import { jsonErrors } from './json-errors';
import { createLogger, requestIdOf, requestLog } from './request-log';

/** An app that logs into `lines`; `/boom` fails with a 500, anything else echoes its id. */
async function loggedApp(quietPaths?: string[]) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = await createLogger('test', { logLevel: 'info', destination });
  const app = new Koa();
  app.use(requestLog({ logger, quietPaths }));
  app.use(jsonErrors());
  app.use(jsonBody());
  app.use((ctx) => {
    if (ctx.path === '/boom') throw new Error('the database said no');
    if (ctx.path === '/upstream') {
      // What an HTTP client's error carries: the request it sent, credentials included.
      throw Object.assign(new Error('upstream refused'), {
        headers: { authorization: 'Bearer error-header-secret' },
        config: { auth: { password: 'error-config-secret' } },
        token: 'error-token-secret',
        cause: Object.assign(new Error('socket hang up'), { apiKey: 'error-cause-secret' }),
      });
    }
    ctx.body = { id: requestIdOf(ctx) };
  });
  // Lines are written once the answer is sent: give the stream a turn.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { server: app.callback(), lines, settled };
}

describe('requestLog', () => {
  it('logs one line per request: method, path, status, duration and request id', async () => {
    const { server, lines, settled } = await loggedApp();
    const res = await request(server).get('/todos/ann?limit=2');
    await settled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      name: 'test',
      method: 'GET',
      path: '/todos/ann',
      status: 200,
      requestId: res.headers['x-request-id'],
      msg: expect.stringMatching(/^GET \/todos\/ann 200 [\d.]+ms$/),
    });
    expect(typeof lines[0]!.ms).toBe('number');
  });

  it('keeps a plain X-Request-Id from the client and returns it', async () => {
    const { server, lines, settled } = await loggedApp();
    const res = await request(server).get('/').set('X-Request-Id', 'lb-7f3a.2');
    await settled();
    expect(res.headers['x-request-id']).toBe('lb-7f3a.2');
    expect(res.body.id).toBe('lb-7f3a.2');
    expect(lines[0]!.requestId).toBe('lb-7f3a.2');
  });

  it.each(['a'.repeat(129), 'id with spaces', 'x"}{"admin":true', ''])(
    'replaces the X-Request-Id %j with a new UUID',
    async (given) => {
      const { server } = await loggedApp();
      const res = await request(server).get('/').set('X-Request-Id', given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('never writes a secret sent in headers, cookies, the query or the body', async () => {
    const { server, lines, settled } = await loggedApp();
    await request(server)
      .post('/oauth/token?code=query-code-secret&access_token=query-token-secret')
      .set('Authorization', 'Bearer header-token-secret')
      .set('Cookie', 'session=cookie-secret')
      .send({ refresh_token: 'body-token-secret', password: 'body-password-secret' });
    await request(server).get('/boom').set('Authorization', 'Bearer boom-token-secret');
    await settled();
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(text).not.toMatch(/secret/);
  });

  it("logs a failed request's error as its type, message, stack and cause, never its properties", async () => {
    const { server, lines, settled } = await loggedApp();
    expect((await request(server).get('/upstream')).status).toBe(500);
    await settled();
    const failure = lines.find((line) => line.msg === 'request failed');
    expect(failure!.err).toMatchObject({
      type: 'Error',
      message: 'upstream refused',
      cause: { type: 'Error', message: 'socket hang up' },
    });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(lines)).not.toMatch(/secret/);
  });

  it('redacts credentials from a request or a form logged through the logger', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = await createLogger('test', { destination });
    logger.info({ req: { headers: { authorization: 'Bearer hunter2', cookie: 'sid=hunter2' } } });
    logger.info({ password: 'hunter2', access_token: 'hunter2', client_secret: 'hunter2' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain('hunter2');
    expect(lines.join('')).toContain('[Redacted]');
  });

  it('logs a 5xx at error level with its stack, and the request line too', async () => {
    const { server, lines, settled } = await loggedApp();
    const res = await request(server).get('/boom');
    await settled();
    expect(res.status).toBe(500);
    const failure = lines.find((line) => line.msg === 'request failed');
    expect(failure).toMatchObject({ level: 50, requestId: res.headers['x-request-id'] });
    expect((failure!.err as { stack: string }).stack).toContain('the database said no');
    expect(lines.find((line) => line.path === '/boom')).toMatchObject({ level: 50, status: 500 });
  });

  it('logs the health checks only at debug level, unless told other quiet paths', async () => {
    const { server, lines, settled } = await loggedApp();
    await request(server).get('/healthz');
    await request(server).get('/readyz');
    await request(server).get('/other');
    await settled();
    expect(lines.map((line) => line.path)).toEqual(['/other']);
    const custom = await loggedApp(['/other']);
    await request(custom.server).get('/other');
    await request(custom.server).get('/healthz');
    await custom.settled();
    expect(custom.lines.map((line) => line.path)).toEqual(['/healthz']);
  });
});

describe('createLogger', () => {
  it('takes its level from the configuration', async () => {
    expect((await createLogger('todo', { logLevel: 'warn' })).level).toBe('warn');
    expect((await createLogger('todo', { production: true })).level).toBe('info');
  });
});
