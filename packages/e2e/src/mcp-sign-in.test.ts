import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, mcpSignIn } from '@repo/plugin-cli';
import { startServer, type ServerProcess } from '@repo/testing';

// todo-oauth running as `pnpm dev` runs it; `pnpm plugin mcp` signs in to it as an MCP host
// does (discovery from the 401, registration, PKCE, `resource`, `iss`), and the user's browser
// is a plain HTTP client that submits the sign-in form as the page gives it.
const dataDir = mkdtempSync(join(tmpdir(), 'e2e-mcp-sign-in-'));
let app: ServerProcess;
beforeAll(async () => {
  const dir = dirname(createRequire(import.meta.url).resolve('todo-oauth/package.json'));
  app = await startServer({ dir, env: { DATA_DIR: dataDir } });
}, 40_000);
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The `<input>` values of the page's form, unescaped. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(
    /<input [^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?>/g,
  ))
    fields[name!] = (value ?? '').replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    );
  return fields;
}

/** A user's browser: opens the sign-in page, submits its form as `user`, follows the redirect. */
async function signInAs(user: string, authorizeUrl: string): Promise<void> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`the sign-in page answered ${page.status}`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const html = await page.text();
  const action = /<form [^>]*action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const form = {
    ...formFields(html),
    username: user,
    password: `${user}-password`,
    decision: 'allow',
  };
  const answer = await fetch(new URL(action ?? authorizeUrl, authorizeUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
  const back = answer.headers.get('location');
  if (answer.status !== 302 || !back)
    throw new Error(
      `the sign-in answered ${answer.status}: ${(await answer.text()).slice(0, 200)}`,
    );
  await fetch(back); // the loopback redirect URI the CLI listens on
}

async function cli(user: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({ write: (chunk, _, done) => (write(String(chunk)), done()) });
  const onErr = (s: string) => {
    err += s;
    const url = /open this URL to sign in: (\S+)/.exec(s)?.[1];
    if (url) signInAs(user, url).catch((e: Error) => (err += `browser: ${e.message}\n`));
  };
  const status = await main(argv, sink((s) => (out += s)) as never, sink(onErr) as never);
  return { status, out, err };
}

describe('pnpm plugin mcp against todo-oauth', () => {
  it(
    'signs in on the 401, then lists the tools and calls getTodos as that user',
    { timeout: 30_000 },
    async () => {
      const mcp = `${app.url}/mcp`;
      const tools = await cli('alice', 'mcp', 'tools', mcp);
      expect(tools.err).toContain(`signed in to ${app.url}`);
      expect(tools.status).toBe(0);
      // One tool per operation of the spec it serves, as apps.test.ts checks of the other apps.
      const spec = await (await fetch(`${app.url}/openapi.json`)).text();
      const operations = spec.split('"operationId"').length - 1;
      expect(tools.out).toMatch(new RegExp(`\\n${operations} tool\\(s\\)\\n$`));
      const add = await cli('alice', 'mcp', 'call', mcp, 'addTodo', 'todo=Buy milk');
      expect(add.status, add.err).toBe(0);
      const alice = await cli('alice', 'mcp', 'call', mcp, 'getTodos');
      expect(alice.status, alice.err).toBe(0);
      expect(alice.out).toContain('Buy milk');
      const bob = await cli('bob', 'mcp', 'call', mcp, 'getTodos');
      expect(bob.status, bob.err).toBe(0);
      expect(bob.out).not.toContain('Buy milk'); // each token is its user's
    },
  );

  it(
    'hands the library caller a token bound to the MCP URL, from the issuer it discovered',
    { timeout: 30_000 },
    async () => {
      const mcp = `${app.url}/mcp`;
      const result = await mcpSignIn(mcp, {
        openUrl: (url) => signInAs('bob', url),
        timeoutMs: 20_000,
      });
      expect(result).toMatchObject({ issuer: app.url, resource: mcp });
      expect(result.accessToken).toEqual(expect.any(String));
    },
  );
});
