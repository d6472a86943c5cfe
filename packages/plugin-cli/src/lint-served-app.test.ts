import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { GOOD } from '../test/broken-plugin';
import { lintServedApp } from './lint-served-app';

// A tiny app that serves the good fixture at https://plugin.example.com, as PUBLIC_BASE_URL does.
const ORIGIN = 'https://plugin.example.com';
const files: Record<string, string> = {
  '/.well-known/ai-plugin.json': 'ai-plugin.json',
  '/.well-known/openapi.yaml': 'openapi.yaml',
  '/.well-known/example.yaml': 'example.yaml',
  '/logo.png': 'logo.png',
};
const app = (req: IncomingMessage, res: ServerResponse) => {
  const name = files[req.url ?? ''];
  if (!name) return void res.writeHead(404).end();
  const bytes = readFileSync(GOOD + name);
  res.end(name === 'logo.png' ? bytes : bytes.toString().replaceAll('PLUGIN_HOSTNAME', ORIGIN));
};

describe('lintServedApp', () => {
  it('lints an app as served at its public origin, reading it over loopback', async () => {
    const report = await lintServedApp(app, ORIGIN, ['openai', 'ernie', 'actions']);
    expect(report.findings).toEqual([]);
    expect(report.logo).toMatchObject({ format: 'png' });
  });

  it('fetches nothing off the public origin, and stops listening when done', async () => {
    let server: Server | undefined;
    const report = await lintServedApp(
      (req, res) => {
        server ??= (req.socket as unknown as { server: Server }).server;
        res.end(
          JSON.stringify({ api: { type: 'openapi', url: 'https://elsewhere.example/x.yaml' } }),
        );
      },
      ORIGIN,
      ['openai'],
    );
    expect(report.findings.find((f) => f.rule === 'fetch/spec')?.message).toBe(
      'https://elsewhere.example/x.yaml is not on https://plugin.example.com',
    );
    expect(server?.listening).toBe(false);
  });
});
