import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { originPredicate, pluginCors } from './cors';

function app(options: Parameters<typeof pluginCors>[0]) {
  const koa = new Koa();
  koa.use(pluginCors(options));
  koa.use(async (ctx) => {
    ctx.body = { ok: true };
  });
  return koa;
}

const preflight = (koa: Koa, origin: string) =>
  request(koa.callback())
    .options('/todos/global')
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Private-Network', 'true');

describe('pluginCors', () => {
  it.each(['https://chat.openai.com', 'https://chatgpt.com'])(
    'allows the host %s',
    async (origin) => {
      const res = await preflight(app({}), origin);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-private-network']).toBe('true');
      expect(res.headers.vary).toContain('Origin');
    },
  );

  it('gives other origins no Access-Control-Allow-Origin', async () => {
    const res = await request(app({}).callback())
      .get('/')
      .set('Origin', 'https://attacker.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("allows an app's extra origin", async () => {
    const res = await preflight(
      app({ extraOrigins: ['https://yiyan.baidu.com'] }),
      'https://yiyan.baidu.com',
    );
    expect(res.headers['access-control-allow-origin']).toBe('https://yiyan.baidu.com');
  });

  it('allows http://localhost:* only when told to (development)', async () => {
    const dev = await preflight(app({ allowLoopback: true }), 'http://localhost:3000');
    expect(dev.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const prod = await preflight(app({ allowLoopback: false }), 'http://localhost:3000');
    expect(prod.headers['access-control-allow-origin']).toBeUndefined();
    const lookalike = await preflight(
      app({ allowLoopback: true }),
      'http://localhost.attacker.example',
    );
    expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a malformed extra origin at construction', () => {
    expect(() => pluginCors({ extraOrigins: ['https://yiyan.baidu.com/'] })).toThrow(/bare origin/);
  });
});

describe('originPredicate', () => {
  it('allows what pluginCors allows, and nothing else', () => {
    const allowed = originPredicate({
      extraOrigins: ['https://yiyan.baidu.com'],
      allowLoopback: true,
    });
    expect(allowed('https://chatgpt.com')).toBe(true);
    expect(allowed('https://yiyan.baidu.com')).toBe(true);
    expect(allowed('http://127.0.0.1:5002')).toBe(true);
    expect(allowed('https://attacker.example')).toBe(false);
    expect(allowed('http://localhost.attacker.example')).toBe(false);
    expect(allowed('null')).toBe(false);
    expect(originPredicate()('http://localhost:3000')).toBe(false);
  });

  it('refuses a malformed extra origin at construction', () => {
    expect(() => originPredicate({ extraOrigins: ['yiyan.baidu.com'] })).toThrow();
  });
});
