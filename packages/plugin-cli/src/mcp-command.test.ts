import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMcpAuth, TOKEN, type FakeMcpAuth } from '../test/fake-mcp-auth';
import { startFakeOAuthPlugin, type FakeOAuthPlugin } from '../test/fake-oauth-plugin';
import { startTestMcpServer, type TestMcpServer } from '../test/mcp-server';
import { main } from './cli';

async function run(...argv: string[]) {
  return runWith(argv, () => {});
}

/** Runs the CLI; `onErr` sees each line it writes to stderr as it writes it. */
async function runWith(argv: string[], onErr: (line: string) => void) {
  let out = '';
  let err = '';
  const sink = (write: (s: string) => void) =>
    new Writable({ write: (chunk, _, done) => (write(String(chunk)), done()) });
  const status = await main(
    argv,
    sink((s) => (out += s)) as never,
    sink((s) => ((err += s), onErr(s))) as never,
  );
  return { status, out, err };
}

let open: TestMcpServer;
let guarded: TestMcpServer;
beforeAll(async () => {
  open = await startTestMcpServer();
  guarded = await startTestMcpServer({ token: 'mcp-secret' });
});
afterAll(() => {
  open.server.close();
  guarded.server.close();
});

describe('ai-plugin mcp tools', () => {
  it('lists each tool with its title, hints and input fields', async () => {
    const { status, out } = await run('mcp', 'tools', open.url);
    expect(status).toBe(0);
    expect(out).toContain('getTodos · Get todos  [read-only]');
    expect(out).toContain("  Lists a user's todos.");
    expect(out).toContain('  - username: string (required), minLength 1');
    expect(out).toContain('  - priority: integer, minimum 1');
    expect(out).toContain('  output: structured (outputSchema)');
    expect(out).toMatch(/2 tool\(s\)\n$/);
  });

  it('speaks the 2025-11-25 revision with --legacy', async () => {
    const { status, out } = await run('mcp', 'tools', open.url, '--legacy');
    expect(status).toBe(0);
    expect(out).toContain('addTodo');
  });

  it('sends --token as a bearer token, and says what to pass on a 401', async () => {
    expect((await run('mcp', 'tools', guarded.url, '--token', 'mcp-secret')).status).toBe(0);
    expect(guarded.authorizations.at(-1)).toBe('Bearer mcp-secret');
    const refused = await run('mcp', 'tools', guarded.url);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('answered 401: pass --token, or --client-id');
    expect(refused.err).toContain('no MCP sign-in: ');
    const wrong = await run('mcp', 'tools', guarded.url, '--token', 'wrong');
    expect(wrong).toMatchObject({
      status: 2,
      err: expect.stringContaining('the token was refused'),
    });
  });
});

describe('ai-plugin mcp call', () => {
  it('types name=value by the input schema and prints the structured result', async () => {
    const { status, out } = await run(
      'mcp',
      'call',
      open.url,
      'addTodo',
      'username=ann',
      'todo=Buy milk',
      'priority=2',
      'urgent=true',
      'tags=home',
      'tags=food',
    );
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({
      todos: ['Buy milk'],
      args: {
        username: 'ann',
        todo: 'Buy milk',
        priority: 2,
        urgent: true,
        tags: ['home', 'food'],
      },
    });
  });

  it('takes the arguments as --json, with name=value on top', async () => {
    const { out } = await run(
      'mcp',
      'call',
      open.url,
      'addTodo',
      '--json',
      '{"username": "bob", "todo": "x"}',
      'todo=Walk',
    );
    expect(JSON.parse(out).args).toEqual({ username: 'bob', todo: 'Walk' });
  });

  it('says when the answer is a tool error, and exits 1', async () => {
    const refused = await run('mcp', 'call', open.url, 'addTodo', 'username=ann', 'todo=fail');
    expect(refused).toMatchObject({ status: 1, out: '' });
    expect(refused.err).toContain('✗ addTodo answered a tool error:\n`todo` is refused');
    const invalid = await run('mcp', 'call', open.url, 'addTodo', 'username=ann', 'priority=0');
    expect(invalid.status).toBe(1);
    expect(invalid.err).toMatch(/todo/);
  });

  it('exits 2 with a message on a bad command line', async () => {
    expect((await run('mcp', 'call', open.url, 'nope')).err).toContain(
      'no tool `nope`; the server has getTodos, addTodo',
    );
    expect((await run('mcp', 'call', open.url, 'getTodos', 'username')).err).toContain(
      '`username` is not name=value',
    );
    expect((await run('mcp', 'call', open.url, 'getTodos', '--json', '[1')).err).toContain(
      '`--json` is not valid JSON',
    );
    expect((await run('mcp', 'list', open.url)).err).toContain('`mcp` takes `tools` or `call`');
    expect((await run('mcp', 'tools')).status).toBe(2);
  });
});

describe('ai-plugin mcp call with OAuth', () => {
  let plugin: FakeOAuthPlugin;
  let server: TestMcpServer;
  beforeAll(async () => {
    plugin = await startFakeOAuthPlugin();
    const manifest = await (await fetch(`${plugin.url}/.well-known/ai-plugin.json`)).json();
    server = await startTestMcpServer({ token: 'token-for-ann', manifest });
  });
  afterAll(() => {
    plugin.server.close();
    server.server.close();
  });

  it("signs in with the manifest's OAuth flow, then calls with its token", async () => {
    // The CLI prints the sign-in URL for a person to open; the test follows it as a browser would.
    const browser = (line: string) => {
      const url = /open this URL to sign in: (\S+)/.exec(line)?.[1];
      if (url) void fetch(url, { redirect: 'follow' }).catch(() => undefined);
    };
    const { status, out } = await runWith(
      [
        'mcp',
        'call',
        server.url,
        'getTodos',
        'username=ann',
        '--client-id',
        'host',
        '--client-secret',
        'secret',
      ],
      browser,
    );
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({ todos: [] });
    expect(server.authorizations.at(-1)).toBe('Bearer token-for-ann');
    expect(plugin.tokenRequests.at(-1)).toMatchObject({
      client_id: 'host',
      client_secret: 'secret',
    });
  });
});

describe('ai-plugin mcp with MCP authorization', () => {
  let fake: FakeMcpAuth;
  beforeAll(async () => {
    fake = await startFakeMcpAuth();
  });
  afterAll(() => fake.close());
  const browser = (line: string) => {
    const url = /open this URL to sign in: (\S+)/.exec(line)?.[1];
    if (url) void fetch(url, { redirect: 'follow' }).catch(() => undefined);
  };

  it('signs in on a 401 that names resource metadata, then lists and calls tools', async () => {
    const tools = await runWith(['mcp', 'tools', fake.mcp.url], browser);
    expect(tools.status).toBe(0);
    expect(tools.err).toContain(`signed in to ${fake.issuer} for ${fake.mcp.url}`);
    expect(tools.out).toContain('getTodos');
    const call = await runWith(['mcp', 'call', fake.mcp.url, 'getTodos', 'username=ann'], browser);
    expect(call).toMatchObject({ status: 0, out: expect.stringContaining('"todos": []') });
    expect(fake.mcp.authorizations.at(-1)).toBe(`Bearer ${TOKEN}`);
    expect(fake.authorizeQueries.at(-1)!.scope).toBe('todos:read'); // the 401's scope
    await runWith(['mcp', 'tools', fake.mcp.url, '--scope', 'todos:read todos:write'], browser);
    expect(fake.authorizeQueries.at(-1)!.scope).toBe('todos:read todos:write');
  });

  it('exits 2 naming the step when the sign-in fails', async () => {
    fake.fault = 'wrong-iss';
    try {
      const failed = await runWith(['mcp', 'tools', fake.mcp.url], browser);
      expect(failed.status).toBe(2);
      expect(failed.err).toMatch(
        /could not sign in to .*Issuer mismatch in authorization response/,
      );
    } finally {
      fake.fault = undefined;
    }
  });
});
