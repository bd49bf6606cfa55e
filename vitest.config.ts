import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'workers/**/*.test.ts', 'knowledge/**/*.test.{ts,js}', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'client/**', '.kiln/**'],
    pool: 'forks',
    // Two cores: integration tests start real Postgres, Chroma and server processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/test-summary-reporter.ts'],
  },
});
