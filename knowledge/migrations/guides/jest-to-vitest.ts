import type { MigrationGuideInput } from '../migration-guide.ts';

export const jestToVitest: MigrationGuideInput = {
  id: 'jest-to-vitest',
  title: 'Jest to Vitest',
  summary:
    'Moving a test suite from Jest to Vitest, whose API is mostly compatible: the `vi` helper instead of `jest`, explicit imports instead of globals, and a few behaviours that differ.',
  ecosystem: 'npm',
  from: { name: 'jest', aliases: ['jest'] },
  to: { name: 'vitest', aliases: ['vitest'] },
  packages: ['jest'],
  changes: [
    {
      change: 'Test globals (`describe`, `it`, `expect`) are not enabled by default.',
      action: "Import them from 'vitest', or set `test.globals: true` (and add `vitest/globals` to tsconfig types).",
      find: '^(describe|it|test)\\(',
    },
    {
      change:
        'The `jest` object is `vi`: `jest.fn()`, `jest.spyOn()`, `jest.mock()`, `jest.useFakeTimers()` become `vi.fn()`, `vi.spyOn()`, `vi.mock()`, `vi.useFakeTimers()`.',
      action: 'Replace `jest.` with `vi.`.',
      find: '\\bjest\\.',
    },
    {
      change:
        "A `vi.mock()` factory must return an object with each export; Jest used the factory's return value as the default export.",
      action: 'Return `{ default: …, named: … }` from module factories.',
      find: 'jest\\.mock\\([^)]*,',
    },
    {
      change: '`jest.requireActual()` is `await vi.importActual()`, which is asynchronous.',
      action: 'Make the mock factory `async` and await the actual module.',
      find: 'requireActual',
    },
    {
      change:
        '`mockReset()` restores the original implementation in Vitest; in Jest it replaced it with an empty function returning undefined.',
      action: 'Set an explicit implementation after `mockReset()` where tests relied on `undefined`.',
      find: 'mockReset\\(',
    },
    {
      change: 'Tests with a `done` callback are not supported.',
      action: 'Make the test `async` and await a promise.',
      find: '(it|test)\\([^,]+, *(async *)?\\(?done\\)?',
    },
    {
      change: '`jest.setTimeout()` does not exist.',
      action: 'Use `vi.setConfig({ testTimeout })`, a per-test timeout, or `testTimeout` in the config.',
      find: 'jest\\.setTimeout',
    },
    {
      change: "The DOM environment needs its package and a setting: `environment: 'jsdom'` (or `happy-dom`).",
      action: 'Install jsdom and set the environment in vitest.config.',
      find: 'testEnvironment',
    },
  ],
  steps: [
    {
      action:
        'Install Vitest and create `vitest.config.ts` from jest.config (`moduleNameMapper` becomes `resolve.alias`, `setupFilesAfterEnv` becomes `setupFiles`).',
      check: '`npx vitest run` starts and finds the test files.',
    },
    {
      action: 'Replace the `jest` API with `vi` and add the imports, file by file.',
      check: "The search for `jest.` (below) finds nothing, and each file's tests pass.",
    },
    {
      action: 'Review snapshot changes, then regenerate snapshots with `npx vitest run -u`.',
      check: 'The snapshot diff contains only the header and formatting, not changed values.',
    },
    {
      action: 'Remove Jest, ts-jest/babel-jest and @types/jest, and switch the `test` script to `vitest run`.',
      check: '`npm test` runs Vitest and passes in CI.',
    },
  ],
  risks: [
    'Module mocks with side effects behave differently because `vi.mock` is hoisted above imports: check tests that define variables used by factories (use `vi.hoisted`).',
  ],
  companions: [
    { name: 'ts-jest', note: 'not needed with Vitest; remove it.' },
    { name: 'babel-jest', note: 'not needed with Vitest; remove it.' },
    { name: '@types/jest', note: 'replace with imports from vitest (or vitest/globals types); remove it.' },
    { name: 'jest-environment-jsdom', note: "replace with jsdom and `environment: 'jsdom'`." },
  ],
  patterns: ['ts-injectable-clock', 'ts-local-test-http-server'],
  sourceFiles: ['js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx'],
  references: ['https://vitest.dev/guide/migration.html#jest'],
};
