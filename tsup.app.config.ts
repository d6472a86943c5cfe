// The build of every app (`pnpm --filter <app> build`), run from the app's folder.
import { defineConfig } from 'tsup';
import { register } from 'tsx/esm/api';

// @repo packages ship TypeScript source: tsx loads the one this config needs.
register();
const { checkSpecForBuild } = await import('@repo/openapi/build');

// A broken openapi.yaml fails the build; a sound one is marked as checked, so the shipped server
// skips validating it again at start-up (see checkSpecForBuild).
const checkedSpec = await checkSpecForBuild('openapi.yaml');

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
  define: checkedSpec,
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  clean: true,
});
