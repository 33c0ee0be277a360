import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The soak loads the machine for its whole run: `npm run test:soak`, its own step in CI.
    exclude: ['tests/soak/**', '**/node_modules/**'],
    testTimeout: 20_000,
    // PGlite takes a few seconds to start on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
