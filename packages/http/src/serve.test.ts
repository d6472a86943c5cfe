import { request, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { killServers, startServer } from '@repo/testing';

// The fixture in its own process, so the test can send it signals.
const start = (env: Record<string, string>) =>
  startServer({ dir: new URL('../test/', import.meta.url), entry: 'slow-server.ts', env });

interface Answer {
  status: number;
  body: string;
}

function get(port: number, path: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => killServers());

// Each test starts a process (tsx compiles the fixture), so it is given more than the default.
describe('serve', { timeout: 20_000 }, () => {
  it('on SIGTERM finishes the requests in flight, then closes the store, then exits 0', async () => {
    const { child, port, output, exited } = await start({ SLOW_MS: '600', GRACE_MS: '5000' });
    const agent = new Agent({ keepAlive: true });
    // One keep-alive connection that is idle when the signal comes, and two slow requests.
    expect((await get(port, '/fast', agent)).status).toBe(200);
    const inFlight = [get(port, '/slow'), get(port, '/slow', agent)];
    await sleep(150);
    child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, '{"path":"/slow"}'],
      [200, '{"path":"/slow"}'],
    ]);
    expect(await exited).toBe(0);
    expect(output.slice(1)).toEqual([
      'slow: SIGTERM, finishing requests in flight',
      'store closed',
    ]);
    agent.destroy();
  });

  it('stops accepting new connections as soon as the signal comes', async () => {
    const { child, port, exited } = await start({ SLOW_MS: '600', GRACE_MS: '5000' });
    const slow = get(port, '/slow');
    await sleep(150);
    child.kill('SIGINT');
    await sleep(100);
    await expect(get(port, '/fast')).rejects.toThrow(/ECONNREFUSED/);
    expect((await slow).status).toBe(200);
    expect(await exited).toBe(0);
  });

  it('cuts a request that outlives the grace period, and still closes the store and exits 0', async () => {
    const { child, port, output, exited } = await start({ SLOW_MS: '30000', GRACE_MS: '300' });
    const stuck = get(port, '/slow').catch((error: Error) => error);
    await sleep(150);
    const signalled = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3000);
    expect(await stuck).toBeInstanceOf(Error);
    expect(output).toContain('store closed');
  });
});
