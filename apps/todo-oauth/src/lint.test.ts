import { describe, expect, it } from 'vitest';
import { lintServedApp } from '@repo/plugin-cli';
import { testApp } from '../test/fake-host';

// `pnpm plugin lint`, run on this app as a GPT imports it: served at a public https origin.
// ERNIE's limits are not this app's (wordbook is the ERNIE plugin), so those hosts only.
const ORIGIN = 'https://todos.example.com';

describe('the linter', () => {
  it('finds no error for OpenAI plugins or GPT Actions', async () => {
    const app = await testApp({ publicBaseUrl: ORIGIN });
    const report = await lintServedApp(app.callback(), ORIGIN, ['openai', 'actions']);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 30_000); // the OpenAPI validator loads on first use
});
