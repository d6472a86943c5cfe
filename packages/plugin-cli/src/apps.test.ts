import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIPluginTool } from '@langchain/community/tools/aiplugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Each app's data goes to a folder of the test's own, not to the app's `data/`.
const dataDir = mkdtempSync(join(tmpdir(), 'plugin-cli-apps-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startApp(name: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const dir = join(ROOT, 'apps', name);
  const child = spawn(join(dir, 'node_modules/.bin/tsx'), ['src/server.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), DATA_DIR: join(dataDir, name) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  // tsx compiles the app first: on a loaded 2-core machine that takes a while.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${url}/.well-known/ai-plugin.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error(`${name} did not start on port ${port}`);
}

describe.each(APPS)('$name, running', ({ name, hosts }) => {
  let app: { url: string; child: ChildProcess };
  beforeAll(async () => {
    app = await startApp(name);
  }, 40_000);
  afterAll(() => void app?.child.kill());

  it(`passes ai-plugin lint (${hosts.join(' + ')}) with no errors`, async () => {
    const report = await lintPlugin(pluginSource(app.url), hosts);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

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
});
