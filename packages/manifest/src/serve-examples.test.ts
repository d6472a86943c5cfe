import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { PluginManifest } from './load-manifest';
import { serveManifest, WELL_KNOWN_EXAMPLES_PATH } from './serve-manifest';

const logoFile = new URL('../test/fixtures/logo.png', import.meta.url);
const examples = 'version: 0.0.1\nexamples: []\n';
const examplesFile = join(mkdtempSync(join(tmpdir(), 'examples-')), 'example.yaml');
writeFileSync(examplesFile, examples);

function app(examplesPath: string | undefined, withFile = true) {
  const manifest: PluginManifest = {
    render: () => ({}) as ReturnType<PluginManifest['render']>,
    specPath: '/openapi.yaml',
    logoPath: '/logo.png',
    examplesPath,
  };
  const koa = new Koa();
  koa.use(serveManifest({ manifest, logoFile, examplesFile: withFile ? examplesFile : undefined }));
  return request(koa.callback());
}

describe('serveManifest with an examples file', () => {
  it("serves it as YAML, as written, at the manifest's examples path and the well-known one", async () => {
    const api = app('/examples/example.yaml');
    for (const path of ['/examples/example.yaml', WELL_KNOWN_EXAMPLES_PATH]) {
      const res = await api.get(path);
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/yaml');
      expect(res.text).toBe(examples);
    }
  });

  it('serves it at the well-known path when the manifest names none', async () => {
    const res = await app(undefined).get(WELL_KNOWN_EXAMPLES_PATH);
    expect(res.status).toBe(200);
    expect(res.text).toBe(examples);
  });

  it('serves nothing there without the option', async () => {
    expect((await app('/examples/example.yaml', false).get(WELL_KNOWN_EXAMPLES_PATH)).status).toBe(
      404,
    );
  });

  it('throws at construction when the file cannot be read', () => {
    const manifest = { render: () => ({}), specPath: '/a', logoPath: '/b' } as never;
    expect(() =>
      serveManifest({ manifest, logoFile, examplesFile: '/no/such/example.yaml' }),
    ).toThrow(/ENOENT/);
  });
});
