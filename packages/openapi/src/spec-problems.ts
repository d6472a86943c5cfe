import { createHash } from 'node:crypto';

// This file imports no workspace package, so the apps' build config can load it directly.

/** The SHA-256 (hex) of a spec's text, as the build records it. */
export function specFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Validates a parsed OpenAPI document with @readme/openapi-parser; resolves to the list of
 * problems, empty when the document is valid.
 */
export async function specProblems(document: unknown): Promise<string[]> {
  // Imported on demand: the validator is large, and a shipped server rarely needs it.
  const { compileErrors, validate } = await import('@readme/openapi-parser');
  const result = await validate(structuredClone(document) as never, {
    resolve: { external: false },
  });
  return result.valid ? [] : [compileErrors(result)];
}
