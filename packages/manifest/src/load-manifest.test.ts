import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from './load-manifest';

const fixture = new URL('../test/fixtures/ai-plugin.json', import.meta.url);

function manifestFile(change: (m: Record<string, unknown>) => void): string {
  const manifest = JSON.parse(
    JSON.stringify({
      schema_version: 'v1',
      name_for_human: 'Fixture',
      name_for_model: 'fixture',
      description_for_human: 'x',
      description_for_model: 'x',
      auth: { type: 'none' },
      api: { type: 'openapi', url: 'PLUGIN_HOSTNAME/openapi.yaml' },
      logo_url: 'PLUGIN_HOSTNAME/logo.png',
      contact_email: 'a@example.com',
      legal_info_url: 'https://example.com/legal',
    }),
  );
  change(manifest);
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'ai-plugin.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

describe('loadManifest', () => {
  it('renders the template for an origin and knows the paths it names', () => {
    const manifest = loadManifest(fixture);
    expect(manifest.render('http://localhost:5002')).toMatchObject({
      api: { url: 'http://localhost:5002/openapi.yaml' },
      logo_url: 'http://localhost:5002/logo.png',
    });
    expect(manifest.specPath).toBe('/openapi.yaml');
    expect(manifest.logoPath).toBe('/logo.png');
    expect(manifest.examplesPath).toBeUndefined();
  });

  it("replaces the file's auth block with the one built from the app's auth config", () => {
    const auth = {
      type: 'service_http',
      authorization_type: 'bearer',
      verification_tokens: { openai: 'v' },
    } as const;
    expect(loadManifest(fixture, { auth }).render('http://x').auth).toEqual(auth);
  });

  it('fails at start-up naming the file and the field of an invalid manifest', () => {
    const file = manifestFile((m) => (m.name_for_model = 'has spaces'));
    expect(() => loadManifest(file)).toThrow(
      /ai-plugin\.json is not a valid plugin manifest:\nname_for_model:/,
    );
  });

  it('fails at start-up on broken JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'ai-plugin.json');
    writeFileSync(file, '{ "schema_version": ');
    expect(() => loadManifest(file)).toThrow(/is not valid JSON/);
  });

  it('refuses an api.url that is not served by this plugin', () => {
    const file = manifestFile(
      (m) => (m.api = { type: 'openapi', url: 'https://elsewhere.example/openapi.yaml' }),
    );
    expect(() => loadManifest(file)).toThrow(/`api.url` must start with PLUGIN_HOSTNAME/);
  });
});
