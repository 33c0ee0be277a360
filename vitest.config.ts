import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The soak loads the machine for its whole run: `npm run test:soak`, its own step in CI.
    exclude: ['tests/soak/**', '**/node_modules/**'],
    // The run's PostgreSQL schemas, reused from test to test within a file, dropped at its end.
    globalSetup: ['tests/helpers/test-run.ts'],
    // Vitest's default leaves one core idle (one worker on a 2-core machine), while a test file spends much of
    // its time waiting on PostgreSQL, HTTP and Chromium: one worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    // PGlite takes a few seconds to start on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
