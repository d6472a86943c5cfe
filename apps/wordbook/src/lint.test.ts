import { describe, expect, it } from 'vitest';
import { HOSTS, lintPlugin, lintServedApp, pluginSource } from '@repo/plugin-cli';
import { createApp } from './app';

// `pnpm plugin lint --host all` on this plugin, as written and as served: a change that breaks a
// rule of any host fails here, warnings included. The served files carry the public origin in
// place of PLUGIN_HOSTNAME, so they are checked on an origin longer than most.
const ORIGIN = 'https://wordbook-plugin.example.com';

// The spec leaves out `x-openai-isConsequential`: with it the spec is over ERNIE's 1000
// characters. Actions then ask before these calls as before any call that is not a GET.
const UNFLAGGED = [
  ['actions/is-consequential', "$.paths['/add_word'].post"],
  ['actions/is-consequential', "$.paths['/delete_word'].delete"],
];
const found = (report: Awaited<ReturnType<typeof lintPlugin>>) =>
  report.findings.map((f) => [f.rule, f.path]);

describe("the wordbook keeps every host's rules", () => {
  it('as served at a public https origin', async () => {
    const app = await createApp({ publicBaseUrl: ORIGIN });
    expect(found(await lintServedApp(app.callback(), ORIGIN, HOSTS))).toEqual(UNFLAGGED);
  }, 30_000); // the OpenAPI validator loads on first use

  it('as written (linted as if served at http://localhost)', async () => {
    const report = await lintPlugin(pluginSource(new URL('..', import.meta.url).pathname), [
      ...HOSTS,
    ]);
    expect(found(report)).toEqual([['actions/public-server', '$.servers[0].url'], ...UNFLAGGED]);
  }, 30_000);
});
