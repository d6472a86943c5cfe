import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIPluginTool } from '@langchain/community/tools/aiplugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { main } from './cli';
import { lintPlugin, type Host } from './lint-plugin';
import { pluginSource } from './read-plugin';

// Every app in the repo, running as `pnpm dev` runs it, on a free loopback port.
const APPS: { name: string; hosts: Host[] }[] = [
  { name: 'sport-stats', hosts: ['openai'] },
  { name: 'todo-noauth', hosts: ['openai'] },
  { name: 'todo-service', hosts: ['openai'] },
  { name: 'todo-oauth', hosts: ['openai'] },
  { name: 'wordbook', hosts: ['openai', 'ernie'] },
];
const ROOT = new URL('../../..', import.meta.url).pathname;

// Each app's data goes to a folder of the test's own, not to the app's `data/`.
const dataDir = mkdtempSync(join(tmpdir(), 'plugin-cli-apps-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each app listens on a port the system picks (PORT=0) and says which when it is listening: a
// port found free beforehand could be taken by another test's server while tsx compiles the app.
async function startApp(name: string): Promise<{ url: string; child: ChildProcess }> {
  const dir = join(ROOT, 'apps', name);
  const child = spawn(join(dir, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: '0', DATA_DIR: join(dataDir, name) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
    // tsx compiles the app first: on a loaded 2-core machine that takes a while.
    setTimeout(
      () => reject(new Error(`${name} did not start in 30 s:\n${output}`)),
      30_000,
    ).unref();
  });
  try {
    return { url: await listening, child };
  } catch (error) {
    child.kill();
    throw error;
  }
}

describe.each(APPS)('$name, running', ({ name, hosts }) => {
  let app: { url: string; child: ChildProcess };
  beforeAll(async () => {
    app = await startApp(name);
  }, 40_000);
  afterAll(() => void app?.child.kill());

  // Lint reads every plugin file and then lists the tools at /mcp: seconds on a loaded machine.
  it(
    `passes ai-plugin lint (${hosts.join(' + ')}) with no errors`,
    { timeout: 20_000 },
    async () => {
      const report = await lintPlugin(pluginSource(app.url), hosts);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it("loads in LangChain's AIPluginTool, a consumer of ai-plugin.json nobody here wrote", async () => {
    const manifest = (await (await fetch(`${app.url}/.well-known/ai-plugin.json`)).json()) as {
      name_for_model: string;
      description_for_model: string;
      api: { url: string };
    };
    const spec = await (await fetch(manifest.api.url)).text();
    const tool = await AIPluginTool.fromPluginUrl(`${app.url}/.well-known/ai-plugin.json`);
    // LangChain's `Tool` base declares `name` as a class field, which hides AIPluginTool's
    // getter (a LangChain bug): the name it read from the manifest is in `_name`.
    expect((tool as unknown as { _name: string })._name).toBe(manifest.name_for_model);
    expect(await tool.invoke('')).toBe(
      `Usage Guide: ${manifest.description_for_model}\n\nOpenAPI Spec in JSON or YAML format:\n${spec}`,
    );
  });

  it('lists one MCP tool per operation with `mcp tools`, given the token it needs', async () => {
    let out = '';
    let err = '';
    const sink = (write: (s: string) => void) =>
      new Writable({ write: (chunk, _, done) => (write(String(chunk)), done()) });
    const token = name === 'todo-service' ? ['--token', 'dev-service-token'] : [];
    const status = await main(
      ['mcp', 'tools', `${app.url}/mcp`, ...token],
      sink((s) => (out += s)) as never,
      sink((s) => (err += s)) as never,
    );
    if (name === 'todo-oauth') return void expect(err).toContain('answered 401: pass --token');
    const spec = await (await fetch(`${app.url}/openapi.json`)).text();
    expect(status).toBe(0);
    expect(out).toMatch(new RegExp(`\\n${spec.split('"operationId"').length - 1} tool\\(s\\)\\n$`));
  });
});
