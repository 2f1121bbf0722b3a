import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The load and fault tests have their own command (npm run test:load), which .ci/run also runs.
    exclude: process.env.LOAD_TESTS ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/load/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file runs in its own process with its own table, so files may run in parallel safely.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // Handlers log JSON lines to stdout; tests keep only warnings and errors so failures stay readable.
    env: { LOG_LEVEL: 'warn' },
  },
});
