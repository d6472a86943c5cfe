import { describe, expect, it } from 'vitest';
import { lintServedApp } from '@repo/plugin-cli';
import { createApp } from './app';

// `pnpm plugin lint`, run on this app as a GPT imports it: served at a public https origin.
// ERNIE's limits are not this app's (wordbook is the ERNIE plugin), so those hosts only.
const ORIGIN = 'https://stats.example.com';

describe('the linter', () => {
  it('finds no error for OpenAI plugins or GPT Actions', async () => {
    // The upstream is never called: linting reads the plugin's own files.
    const upstream = { baseUrl: 'http://127.0.0.1:9' };
    const app = await createApp({ upstream, publicBaseUrl: ORIGIN, log: () => {} });
    const report = await lintServedApp(app.callback(), ORIGIN, ['openai', 'actions']);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 30_000); // the OpenAPI validator loads on first use
});
