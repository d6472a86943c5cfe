import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { OpenAPIV3 } from 'openapi-types';
import { PLACEHOLDER } from '@repo/http';
import { dereferenceSpec } from './dereference';
import { specFingerprint, specProblems } from './spec-problems';

// An app's build (`checkSpecForBuild`) validates its spec and defines this as the SHA-256 of the
// bytes it validated. A shipped server whose spec is still those bytes need not load the
// validator again, the largest part of its start-up time and memory. In development, or if the
// spec was edited after the build, it is undefined or does not match, and the spec is validated.
declare const __VALIDATED_SPECS__: readonly string[] | undefined;
const validatedAtBuild: readonly string[] =
  typeof __VALIDATED_SPECS__ === 'undefined' ? [] : __VALIDATED_SPECS__;

export type OpenApiDocument = OpenAPIV3.Document;

/** A validated spec: the file's text (served as written) and its dereferenced document. */
export interface LoadedSpec {
  file: string;
  /** The YAML as written, with `PLUGIN_HOSTNAME` placeholders still in it. */
  text: string;
  /** The parsed document, every `$ref` resolved: what validation and routing read. */
  document: OpenApiDocument;
  /** Whether these are the bytes the app's build validated (and compiled the checks of). */
  checkedAtBuild: boolean;
}

/**
 * Reads an `openapi.yaml`, validates it as OpenAPI 3.0/3.1, and checks that `servers[0].url` is
 * the placeholder, so the served spec always points at this plugin. Rejects at start-up with the
 * file name and each problem.
 */
export async function loadSpec(file: string | URL): Promise<LoadedSpec> {
  const name = String(file);
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = load(text);
  } catch (err) {
    throw new Error(`${name} is not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  const checkedAtBuild = validatedAtBuild.includes(specFingerprint(text));
  const problems = checkedAtBuild ? [] : await specProblems(parsed);
  if (problems.length)
    throw new Error(`${name} is not a valid OpenAPI document:\n${problems.join('\n')}`);
  const spec = parsed as OpenApiDocument;
  if (!spec.openapi.startsWith('3.')) throw new Error(`${name}: only OpenAPI 3.x is supported`);
  const server = spec.servers?.[0]?.url ?? '';
  if (server !== PLACEHOLDER && !server.startsWith(PLACEHOLDER + '/')) {
    throw new Error(
      `${name}: \`servers[0].url\` must be ${PLACEHOLDER} so the spec points at this plugin`,
    );
  }
  return { file: name, text, document: dereferenceSpec(spec), checkedAtBuild };
}
