import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokenPlugin } from '../test/broken-plugin';
import { freePort, SERVICE_TOKEN, startFiveApps } from '../test/five-apps';
import { createApp } from './app';
import type { KnownPlugin } from './known-plugins';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

describe('the console in a real browser (headless Chromium)', () => {
  const servers: Server[] = [];
  let plugins: KnownPlugin[];
  let brokenUrl: string;
  let consoleUrl: string;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) =>
    page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
  const urlOf = (name: string) => plugins.find((p) => p.name === name)!.url;
  const open = (name: string) =>
    page.goto(`${consoleUrl}/plugin?url=${encodeURIComponent(urlOf(name))}`);

  async function send(target: string, fields: Record<string, string>) {
    await page.waitForSelector(`#target option[value="${target}"]`, { state: 'attached' });
    await page.selectOption('#target', target);
    for (const [name, value] of Object.entries(fields))
      await page.fill(`#fields [name="${name}"]`, value);
    await page.click('#try button');
    await expect.poll(() => page.textContent('#answer')).not.toBe('sending…');
    return page.textContent('#answer');
  }

  beforeAll(async () => {
    if (!existsSync(executablePath))
      throw new Error(
        `Chromium is not at ${executablePath}: run scripts/system-deps.sh or set CHROMIUM_PATH`,
      );
    mkdirSync(ARTIFACTS, { recursive: true });
    const apps = await startFiveApps();
    plugins = apps.plugins;
    servers.push(...apps.servers);
    const broken = await startBrokenPlugin();
    servers.push(broken.server);
    brokenUrl = broken.url;
    const mcpRedirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const console = createServer(createApp({ plugins, mcpRedirectUri }).callback());
    servers.push(console);
    await new Promise<void>((resolve) => console.listen(0, '127.0.0.1', resolve));
    consoleUrl = `http://127.0.0.1:${(console.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: ARGS, timeout: 20_000 });
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  }, 40_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  }, 20_000);

  it('lists the five apps, each running', async () => {
    await page.goto(consoleUrl);
    expect(await page.locator('.plugins li a').allTextContents()).toEqual([
      'sport-stats',
      'todo-noauth',
      'todo-service',
      'todo-oauth',
      'wordbook',
    ]);
    expect(await page.locator('.plugins .up').count()).toBe(5);
    await shot('1-plugins');
  }, 20_000);

  it('shows a broken plugin’s findings, and its <script> name as text', async () => {
    await page.goto(`${consoleUrl}/plugin?url=${encodeURIComponent(brokenUrl)}`);
    expect(await page.textContent('h1')).toBe('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => 'pwned' in globalThis)).toBe(false);
    const findings = await page.locator('.findings li.error').allTextContents();
    expect(findings.some((text) => text.includes('fetch/spec'))).toBe(true);
    expect(
      findings.some((text) => text.includes('openai/name-for-model') || text.includes('manifest/')),
    ).toBe(true);
    await shot('2-broken-plugin');
  }, 20_000);

  it('sends a REST call and an MCP call from the form and shows the answers', async () => {
    await open('todo-noauth');
    const rest = await send('rest:addTodo', {
      'param:username': 'ann',
      body: '{"todo": "Buy milk"}',
    });
    expect(rest).toMatch(/^201 in \d+ ms\n✓ the answer matches the spec/);
    await shot('3-rest-call');
    const mcp = await send('mcp:getTodos', { 'arg:username': 'ann' });
    expect(mcp).toMatch(/^result in \d+ ms/);
    expect(mcp).toContain('Buy milk');
    expect(await page.textContent('#tools')).toContain('addTodo');
    await shot('4-mcp-call');
  }, 20_000);

  it('shows the app’s error for bad input, and the log survives a reload', async () => {
    await open('todo-noauth');
    const answer = await send('rest:addTodo', { 'param:username': 'ann', body: '{"todo": 5}' });
    expect(answer).toMatch(/^400 in \d+ ms/);
    expect(answer).toContain('`todo`');
    expect(await page.getAttribute('#answer', 'role')).toBe('alert');
    await shot('5-bad-input');
    await page.reload();
    const log = await page.locator('#log li').allTextContents();
    expect(log[0]).toContain('REST addTodo → 400');
    expect(log).toHaveLength(3);
    await page.click('#clear-log');
    expect(await page.locator('#log li').count()).toBe(0);
  }, 20_000);

  it('sends todo-service’s token from the token field', async () => {
    await open('todo-service');
    expect(await send('rest:getTodos', { 'param:username': 'ann' })).toMatch(
      /uses service_http auth: pass --token/,
    );
    expect(await page.textContent('#tools')).toMatch(/answered 401: it needs a token/);
    await page.fill('#token', SERVICE_TOKEN);
    expect(await send('rest:getTodos', { 'param:username': 'ann' })).toMatch(/^200 /);
    // leaving the field lists the MCP tools again, with the service token
    await page.press('#token', 'Tab');
    expect(await send('mcp:getTodos', { 'arg:username': 'ann' })).toMatch(/^result in /);
  }, 20_000);

  it('signs in to todo-oauth in a popup, then calls it with the token', async () => {
    await open('todo-oauth');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#sign-in')]);
    await popup.waitForSelector('input[name=username]');
    await popup.fill('input[name=username]', 'alice');
    await popup.fill('input[name=password]', 'alice-password');
    await popup.click('button[value=allow]');
    await page.waitForSelector('#signed-in:has-text("token held")');
    await popup.close();
    // The token lives in the page's memory: local storage holds the call log and nothing else.
    const { origins } = await page.context().storageState();
    const stored = origins.flatMap((o) => o.localStorage);
    expect(stored.map((item) => item.name)).toEqual(['plugin-console-log']);
    expect(stored[0]!.value).not.toMatch(/token/i);
    const answer = await send('rest:getTodos', {});
    expect(answer).toMatch(/^200 in \d+ ms\n✓ the answer matches the spec/);
    await shot('6-oauth-call');
  }, 20_000);

  it('shows todo-oauth’s MCP 401, signs in through the MCP flow, then calls a tool', async () => {
    await open('todo-oauth');
    await page.waitForSelector('#mcp-sign-in');
    expect(await page.textContent('#tools')).toMatch(/no tools listed: .*answered 401/);
    await shot('7-mcp-401');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#mcp-sign-in')]);
    await popup.waitForSelector('input[name=username]');
    await popup.fill('input[name=username]', 'alice');
    await popup.fill('input[name=password]', 'alice-password');
    await popup.click('button[value=allow]');
    await page.waitForSelector('#mcp-signed-in:has-text("MCP token held")');
    await popup.close();
    expect(await page.textContent('#tools')).toContain('getTodos');
    expect(await send('mcp:addTodo', { 'arg:todo': 'Walk the dog' })).toMatch(/^result in /);
    const mcp = await send('mcp:getTodos', {});
    expect(mcp).toMatch(/^result in \d+ ms/);
    expect(mcp).toContain('Walk the dog');
    expect(await page.textContent('#request')).toContain('Authorization: Bearer ••••');
    await shot('8-mcp-oauth-call');
    // The MCP token is for `/mcp` only: a REST call goes without it.
    const rest = await send('rest:getTodos', {});
    expect(await page.textContent('#request')).toContain('no credentials');
    expect(rest).toMatch(/uses OAuth/);
    const { origins } = await page.context().storageState();
    const stored = origins.flatMap((o) => o.localStorage);
    expect(stored.map((item) => item.name)).toEqual(['plugin-console-log']);
  }, 20_000);
});
