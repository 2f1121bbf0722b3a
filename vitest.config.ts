import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
