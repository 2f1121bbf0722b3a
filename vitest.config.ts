import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The load and fault tests have their own command (npm run test:load), which .ci/run also runs.
    exclude: process.env.LOAD_TESTS ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/load/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file runs in its own process with its own table, so files may run in parallel safely.
    pool: 'forks',
    // Generous: on two busy cores a browser journey of the console took over 30 s (a timeout is no
    // measure of speed here; npm run bench measures that).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    // Handlers log JSON lines to stdout; the tests that are about logs capture them themselves, the
    // rest keep the output to test names and failures (LOG_LEVEL=debug npm test shows everything).
    // A deprecated CDK call fails the synth tests instead of printing a warning (JSII_DEPRECATED).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', JSII_DEPRECATED: 'fail' },
  },
});
