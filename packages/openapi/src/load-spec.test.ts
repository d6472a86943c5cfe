import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from './load-spec';

const fixture = new URL('../test/fixtures/openapi.yaml', import.meta.url);

function specFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'openapi.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadSpec', () => {
  it('keeps the text as written and resolves $refs in the document', async () => {
    const spec = await loadSpec(fixture);
    expect(spec.text).toBe(readFileSync(fixture, 'utf8'));
    const ok = spec.document.paths['/items/{owner}']?.get?.responses['200'] as { content: object };
    expect(JSON.stringify(ok.content)).not.toContain('$ref');
  });

  it('stops start-up naming the file and the problem of an invalid spec', async () => {
    const broken = readFileSync(fixture, 'utf8').replace(
      'operationId: addItem',
      'operationId: listItems',
    );
    await expect(loadSpec(specFile(broken))).rejects.toThrow(
      /openapi\.yaml is not a valid OpenAPI document:[\s\S]*listItems/,
    );
  });

  it('stops start-up on a spec that misses a required part', async () => {
    const broken = readFileSync(fixture, 'utf8').replace(
      /info:\n {2}title: Fixture\n {2}version: 1.0.0\n/,
      '',
    );
    await expect(loadSpec(specFile(broken))).rejects.toThrow(
      /not a valid OpenAPI document[\s\S]*info/,
    );
  });

  it('stops start-up on YAML that does not parse', async () => {
    await expect(loadSpec(specFile('openapi: [3.0.1'))).rejects.toThrow(/is not valid YAML/);
  });

  it('requires servers[0].url to be the placeholder, so the served spec points here', async () => {
    const elsewhere = readFileSync(fixture, 'utf8').replace(
      'url: PLUGIN_HOSTNAME',
      'url: https://example.com',
    );
    await expect(loadSpec(specFile(elsewhere))).rejects.toThrow(
      /`servers\[0\]\.url` must be PLUGIN_HOSTNAME/,
    );
  });
});
