import { readFile } from 'node:fs/promises';
import { runFileNames } from './run-file-names.ts';
import type { PreparedProgram, RunRequest } from './run-request.ts';

let testRunner: Promise<string> | undefined;

/**
 * Python 3.11, standard library only, run isolated (`-I`: no user site-packages, no PYTHON* variables, the
 * script's folder not on sys.path) and writing no bytecode (`-B`). A program runs as `main.py`. With tests, the
 * code is both `pattern.py` and `solution.py` (the tests may import either), the tests `test_pattern.py`, run by
 * unittest through python-test-runner.py (as `runner.py`), which reports each test's outcome.
 */
export async function preparePythonRun(request: RunRequest): Promise<PreparedProgram> {
  if (request.tests === undefined) {
    return {
      program: { runtime: 'python', files: { 'main.py': request.code }, command: ['python3', '-I', '-B', 'main.py'] },
      diagnostics: [],
    };
  }
  testRunner ??= readFile(new URL('./python-test-runner.py', import.meta.url), 'utf8');
  return {
    program: {
      runtime: 'python',
      files: {
        [runFileNames.python.code]: request.code,
        'solution.py': request.code,
        [runFileNames.python.tests]: request.tests,
        'runner.py': await testRunner,
      },
      command: ['python3', '-I', '-B', 'runner.py'],
    },
    diagnostics: [],
  };
}
