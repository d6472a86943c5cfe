import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ELSEWHERE, startBrokenPlugin } from '../test/broken-plugin';
import { startFiveApps } from '../test/five-apps';
import { createApp } from './app';

describe('the console app', () => {
  let plugin: { url: string; server: Server };
  const app = createApp({ plugins: [] }).callback();
  const local = (req: request.Test) => req.set('Host', '127.0.0.1:5099');

  beforeAll(async () => {
    plugin = await startBrokenPlugin();
  });
  afterAll(() => plugin.server.close());
  afterEach(() => vi.restoreAllMocks());

  it('shows a manifest whose name is a <script> as text', async () => {
    const res = await local(request(app).get('/plugin').query({ url: plugin.url }));
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>window.pwned');
    expect(res.text).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('never fetches the other host a manifest points at, and says so in the findings', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const res = await local(request(app).get('/plugin').query({ url: plugin.url }));
    const fetched = spy.mock.calls.map(([input]) =>
      String(input instanceof Request ? input.url : input),
    );
    expect(fetched.some((url) => url.startsWith(plugin.url))).toBe(true);
    expect(fetched.filter((url) => url.startsWith(ELSEWHERE))).toEqual([]);
    expect(res.text).toContain('was not typed in');
  });

  it('refuses a REST call whose spec is on a host nobody typed in, with a 403', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const res = await local(request(app).post('/api/call')).send({
      url: plugin.url,
      operationId: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/elsewhere\.example is not loopback and was not typed in/);
    expect(
      spy.mock.calls.map(([input]) => String(input)).filter((u) => u.startsWith(ELSEWHERE)),
    ).toEqual([]);
  });

  it('answers a call without `operationId` with a 400 naming it', async () => {
    const res = await local(request(app).post('/api/call')).send({ url: plugin.url });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('`operationId` must be a non-empty string');
  });

  it('refuses a request whose Host is not loopback, and a POST from another site', async () => {
    expect((await request(app).get('/').set('Host', 'evil.example:5099')).status).toBe(403);
    const res = await local(request(app).post('/plugins'))
      .set('Origin', 'https://evil.example')
      .send({ url: 'http://10.0.0.1' });
    expect(res.status).toBe(403);
  });

  it('reads a typed-in origin, and only after it was typed', async () => {
    const typed = 'https://typed.example';
    const before = await local(request(app).get('/plugin').query({ url: typed }));
    expect(before.status).toBe(403);
    const form = await local(request(app).post('/plugins')).type('form').send({ url: typed });
    expect(form.status).toBe(302);
    expect(form.headers.location).toBe(`/plugin?url=${encodeURIComponent(typed)}`);
  });

  it('answers a 422, and keeps running, when the sign-in callback port is taken', async () => {
    const { plugins, servers } = await startFiveApps();
    const oauth = plugins.find((p) => p.name === 'todo-oauth')!;
    const taken = createServer();
    const port = Number(new URL(oauth.oauth!.redirectUri).port);
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const console = createApp({ plugins }).callback();
      const res = await local(request(console).post('/api/sign-in')).send({ url: oauth.url });
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/is in use/);
      expect((taken.address() as AddressInfo).port).toBe(port);
    } finally {
      taken.close();
      for (const server of servers) server.close();
    }
  }, 15_000);

  it('answers a 422 naming the failed step or the taken port of an MCP sign-in', async () => {
    const { plugins, servers } = await startFiveApps();
    const urlOf = (name: string) => plugins.find((p) => p.name === name)!.url;
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const mcpRedirectUri = `http://127.0.0.1:${(taken.address() as AddressInfo).port}/callback`;
    try {
      const console = createApp({ plugins, mcpRedirectUri }).callback();
      const signIn = (url: string) =>
        local(request(console).post('/api/mcp-sign-in')).send({ url });
      const busy = await signIn(urlOf('todo-oauth'));
      expect(busy.status).toBe(422);
      expect(busy.body.message).toBe(
        `${mcpRedirectUri} is in use: finish or close the other sign-in first`,
      );
      taken.close();
      // todo-noauth's `/mcp` answers without a token: there is nothing to sign in to
      const open = await signIn(urlOf('todo-noauth'));
      expect(open.status).toBe(422);
      expect(open.body.message).toMatch(
        /answered 200, not 401: it asks for no sign-in \(no_challenge\)$/,
      );
    } finally {
      taken.close();
      for (const server of servers) server.close();
    }
  }, 15_000);
});
