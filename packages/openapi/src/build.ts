import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { dereferenceSpec } from './dereference';
import type { OpenApiDocument } from './load-spec';
import { specFingerprint, specProblems } from './spec-problems';
import { compileRequestChecks } from './validate-request';

/**
 * For an app's build: validates its `openapi.yaml` and compiles its request checks, so a broken
 * spec fails the build, then returns the bundler `define` that tells `loadSpec` these exact bytes
 * were checked. A shipped server whose spec is unchanged then skips loading the validator at
 * start-up and compiles each check on first use; an edited spec is validated as in development.
 * Throws with the problems of an invalid spec.
 * @example defineConfig({ define: await checkSpecForBuild('openapi.yaml'), ... })
 */
export async function checkSpecForBuild(file: string): Promise<Record<string, string>> {
  const text = readFileSync(file, 'utf8');
  const document = load(text);
  const problems = await specProblems(document);
  if (problems.length) {
    throw new Error(`${file} is not a valid OpenAPI document:\n${problems.join('\n')}`);
  }
  compileRequestChecks(dereferenceSpec(document as OpenApiDocument));
  return { __VALIDATED_SPECS__: JSON.stringify([specFingerprint(text)]) };
}
