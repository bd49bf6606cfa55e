import type { RunLanguage } from './run-request.ts';

/**
 * The names a request's `code` and `tests` run under, by language: the names of the seed corpus, so the code
 * and tests of a pattern run unchanged. TypeScript and JavaScript tests may import the code by any of the names
 * `codeImportPattern` accepts; Python tests import `pattern` or `solution` (two copies of the code).
 */
export const runFileNames: Record<RunLanguage, { code: string; tests: string }> = {
  typescript: { code: 'pattern.ts', tests: 'pattern.test.ts' },
  javascript: { code: 'pattern.js', tests: 'pattern.test.js' },
  python: { code: 'pattern.py', tests: 'test_pattern.py' },
  shell: { code: 'pattern.sh', tests: 'pattern.test.sh' },
};

/** Relative names TypeScript and JavaScript tests import the code by: `./pattern`, `./code.ts`, `./solution.js`… */
export const codeImportPattern = /^\.\/(pattern|code|index|main|solution)(\.(ts|js|mjs|mts|cjs|cts))?$/;
