// The build of every app (`pnpm --filter <app> build`), run from the app's folder.
import { defineConfig } from 'tsup';

// One self-contained file: `@repo/*` packages ship TypeScript source and their npm dependencies
// are not the app's, so everything is bundled. The banner gives bundled CommonJS code the
// `require` that ESM output lacks.
export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  noExternal: [/.*/],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  clean: true,
});
