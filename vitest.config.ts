import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    // PGlite takes a few seconds to start on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
