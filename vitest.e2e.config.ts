import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium with the built extension. One file at a time (2 cores, one browser each). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
