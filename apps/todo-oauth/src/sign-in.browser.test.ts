import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZE_PATH, TOKEN_PATH } from '@repo/auth';
import { CLIENT, testApp } from '../test/fake-host';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });

describe('the sign-in page in a real browser (headless Chromium)', () => {
  let plugin: Server;
  let host: Server;
  let context: BrowserContext;
  let userDataDir: string;
  let pluginUrl: string;
  let callback: string;
  let app: Awaited<ReturnType<typeof testApp>>;

  beforeAll(async () => {
    // The host's callback page: it only has to answer, the test reads the URL it was sent to.
    host = createServer((_req, res) =>
      res.end('<!doctype html><title>host</title><p>back at the host</p>'),
    );
    callback = `${await listen(host)}/oauth/callback`;
    app = await testApp({ client: { ...CLIENT, redirectUris: [callback] } });
    plugin = createServer(app.callback());
    pluginUrl = await listen(plugin);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    plugin?.close();
    host?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('signs in, consents, lands on the callback with code and state, and the code works', async () => {
    // Checked in the test, not in a hook, so a missing browser counts as a failed test.
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium is not at ${executablePath}: install the Debian package \`chromium\` ` +
          '(`bash scripts/system-deps.sh` does, as root) or set CHROMIUM_PATH to a Chromium binary',
      );
    }
    userDataDir = mkdtempSync(join(tmpdir(), 'todo-oauth-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: ARGS,
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    const state = 'browser-state-42';
    const query = new URLSearchParams({
      client_id: CLIENT.id,
      redirect_uri: callback,
      response_type: 'code',
      scope: 'todos:read todos:write',
      state,
    });
    await page.goto(`${pluginUrl}${AUTHORIZE_PATH}?${query}`);
    expect(await page.title()).toBe('Sign in · TODO List (OAuth)');

    await page.fill('input[name=username]', 'alice');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[value=allow]');
    await expect.poll(() => page.textContent('[role=alert]')).toBe('Wrong username or password.');

    await page.fill('input[name=password]', 'alice-password');
    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(callback)),
      page.click('button[value=allow]'),
    ]);
    const back = new URL(page.url());
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code');
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    // The page's own style and its form's redirect broke no Content-Security-Policy rule.
    expect(violations).toEqual([]);

    const token = await request(app.callback()).post(TOKEN_PATH).send({
      grant_type: 'authorization_code',
      code,
      redirect_uri: callback,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
    });
    expect(token.status).toBe(200);
    const todos = await request(app.callback())
      .get('/todos')
      .set('Authorization', `Bearer ${token.body.access_token}`);
    expect(todos.body).toEqual({ todos: [] });
  }, 60_000);
});
