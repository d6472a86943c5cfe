// The build of every app (`pnpm --filter <app> build`), run from the app's folder.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { defineConfig } from 'tsup';
import type { OpenApiDocument } from './packages/openapi/src/load-spec';
import { dereferenceSpec } from './packages/openapi/src/dereference';
import { specFingerprint, specProblems } from './packages/openapi/src/spec-problems';
import { compileRequestChecks } from './packages/openapi/src/validate-request';

// The build validates the app's spec, compiles its request checks, and records the SHA-256 of the
// bytes it checked, so the shipped server can skip loading the validator and compile each check
// on first use when its spec is still those bytes (see packages/openapi/src/load-spec.ts). A
// broken spec fails the build.
const spec = readFileSync('openapi.yaml', 'utf8');
const document = load(spec);
const problems = await specProblems(document);
if (problems.length)
  throw new Error(`openapi.yaml is not a valid OpenAPI document:\n${problems.join('\n')}`);
compileRequestChecks(dereferenceSpec(document as OpenApiDocument));

// One self-contained output: `@repo/*` packages ship TypeScript source and their npm dependencies
// are not the app's, so everything is bundled. The banner gives bundled CommonJS code the
// `require` that ESM output lacks. Code split, so modules loaded on demand stay out of start-up.
export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads its compiled `.node` file relative to its own folder, so it cannot be
  // bundled: it stays external and is resolved from the app's own node_modules.
  noExternal: [/^(?!better-sqlite3$)/],
  splitting: true,
  define: { __VALIDATED_SPECS__: JSON.stringify([specFingerprint(spec)]) },
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  clean: true,
});
