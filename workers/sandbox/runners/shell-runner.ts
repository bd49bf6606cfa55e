import { readFile } from 'node:fs/promises';
import { runFileNames } from './run-file-names.ts';
import type { PreparedProgram, RunRequest } from './run-request.ts';

let testRunner: Promise<string> | undefined;

/**
 * Shell: bash. A program runs as `main.sh`. With tests, the code is `pattern.sh` and the tests `pattern.test.sh`
 * (which sources `./pattern.sh`), run by shell-test-runner.sh (as `run-tests.sh`): one test, passing when the
 * tests script exits 0, as the corpus runs them (knowledge/corpus/run-pattern-tests.ts).
 */
export async function prepareShellRun(request: RunRequest): Promise<PreparedProgram> {
  if (request.tests === undefined) {
    return {
      program: { runtime: 'shell', files: { 'main.sh': request.code }, command: ['bash', 'main.sh'] },
      diagnostics: [],
    };
  }
  testRunner ??= readFile(new URL('./shell-test-runner.sh', import.meta.url), 'utf8');
  return {
    program: {
      runtime: 'shell',
      files: {
        [runFileNames.shell.code]: request.code,
        [runFileNames.shell.tests]: request.tests,
        'run-tests.sh': await testRunner,
      },
      command: ['bash', 'run-tests.sh'],
    },
    diagnostics: [],
  };
}
