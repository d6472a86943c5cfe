import { defineConfig } from 'vitest/config';

// Generous limits for a loaded CI machine; on an idle one every test takes well under a second.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
