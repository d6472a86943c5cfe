import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { specFingerprint } from './spec-problems';

// A spec the validator rejects (two operations share an operationId) but that parses and routes.
const broken = readFileSync(
  new URL('../test/fixtures/openapi.yaml', import.meta.url),
  'utf8',
).replace('operationId: addItem', 'operationId: listItems');
const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'openapi.yaml');
writeFileSync(file, broken);

// The build defines __VALIDATED_SPECS__; load-spec.ts reads it when it is first imported.
async function loadSpecBuiltWith(validated: string[] | undefined) {
  vi.resetModules();
  (globalThis as { __VALIDATED_SPECS__?: string[] }).__VALIDATED_SPECS__ = validated;
  return (await import('./load-spec')).loadSpec;
}

afterEach(() => {
  delete (globalThis as { __VALIDATED_SPECS__?: string[] }).__VALIDATED_SPECS__;
});

describe('loadSpec in a built app', () => {
  it('skips the validator for the exact bytes the build validated', async () => {
    const loadSpec = await loadSpecBuiltWith([specFingerprint(broken)]);
    await expect(loadSpec(file)).resolves.toMatchObject({ text: broken });
  });

  it('validates a spec edited after the build, and still stops on a broken one', async () => {
    const loadSpec = await loadSpecBuiltWith([specFingerprint(broken + '\n# the build saw this')]);
    await expect(loadSpec(file)).rejects.toThrow(/not a valid OpenAPI document/);
  });
});
