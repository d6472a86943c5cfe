import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';

/** The folder of a plugin that keeps every rule. */
export const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A change that breaks the good plugin: to its folder, or to its parsed manifest and spec. */
export type Change = (dir: string, files: { manifest: Json; spec: Json }) => void;

/** A copy of the good plugin, changed by `change`: one broken fixture. The caller removes it. */
export function brokenPlugin(change: Change): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-'));
  cpSync(GOOD, dir, { recursive: true });
  const files = {
    manifest: JSON.parse(readFileSync(join(dir, 'ai-plugin.json'), 'utf8')),
    spec: load(readFileSync(join(dir, 'openapi.yaml'), 'utf8')) as Json,
  };
  const before = JSON.stringify(files);
  change(dir, files);
  if (JSON.stringify(files) !== before) {
    writeFileSync(join(dir, 'ai-plugin.json'), JSON.stringify(files.manifest));
    writeFileSync(join(dir, 'openapi.yaml'), dump(files.spec, { noRefs: true }));
  }
  return dir;
}
