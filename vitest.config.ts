import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web client's aliases (client/svelte.config.js), for its unit tests.
  resolve: { alias: { $protocol: path.resolve('protocol') } },
  test: {
    include: [
      'protocol/**/*.test.ts',
      'platform/**/*.test.ts',
      'server/**/*.test.ts',
      'workers/**/*.test.ts',
      'knowledge/**/*.test.{ts,js}',
      'scripts/**/*.test.ts',
      'tests/**/*.test.ts',
      'client/src/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'client/build/**', 'client/.svelte-kit/**', '.kiln/**'],
    pool: 'forks',
    // Two cores: integration tests start real Postgres, Chroma and server processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/test-summary-reporter.ts'],
  },
});
