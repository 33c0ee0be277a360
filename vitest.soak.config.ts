import { defineConfig } from 'vitest/config';

/** The short soak alone (`npm run test:soak`): kept out of the default suite, run by CI as a step of its own. */
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
