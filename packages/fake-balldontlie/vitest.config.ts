import { defineConfig } from 'vitest/config';

// src/server.test.ts starts the fake as a process of its own through tsx, which can take several
// seconds on a loaded machine: more than vitest's default 5 s limit allows.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
