import { randomBytes } from 'node:crypto';
import type { SandboxExecution, SandboxLimits } from '../sandbox.ts';
import { prepareNodeRun } from './node-runner.ts';
import { preparePythonRun } from './python-runner.ts';
import { readTestReport } from './read-test-report.ts';
import type { Diagnostic, PreparationTimings, PreparedProgram, RunLanguage, RunRequest } from './run-request.ts';
import { prepareShellRun } from './shell-runner.ts';
import { testReportNonceVariable, type TestReport } from './test-report-marker.ts';

export interface PreparedRun {
  /** What to hand the sandbox; undefined when the code cannot run (a blocking diagnostic says why). */
  execution: SandboxExecution | undefined;
  /** What was found before running: syntax and import problems (blocking). */
  diagnostics: Diagnostic[];
  /**
   * TypeScript's type errors (never blocking), found on a thread of their own while the program runs; [] for
   * other languages. Await it before telling the verdict, so every diagnostic comes before the result.
   */
  typeDiagnostics: Promise<Diagnostic[]>;
  /** Time spent on the host type-checking and bundling (zero for Python and shell), for logs and metrics. */
  timings: PreparationTimings;
  /** The run's stdout without the harness's report line, and the test outcomes when the request had tests. */
  readResult(stdout: string): RunResult;
}

export interface RunResult {
  stdout: string;
  /**
   * Present whenever the request had tests. A run that ended before its harness reported (crash, timeout,
   * output limit, exit from a test) counts as one failure named `(test run)`.
   */
  tests?: TestReport;
}

const runners: Record<RunLanguage, (request: RunRequest) => Promise<PreparedProgram>> = {
  typescript: (request) => prepareNodeRun({ ...request, language: 'typescript' }),
  javascript: (request) => prepareNodeRun({ ...request, language: 'javascript' }),
  python: preparePythonRun,
  shell: prepareShellRun,
};

/**
 * Turns a run request into a sandbox execution, and that execution's stdout into a result. Tests that are
 * absent or blank mean the code runs as a program. What runs, by language:
 *
 * | language   | program (no tests)                   | with tests                            |
 * | ---------- | ------------------------------------ | ------------------------------------- |
 * | typescript | `node --enable-source-maps main.mjs` | `node --enable-source-maps tests.mjs` |
 * | javascript | (the same)                           | (the same)                            |
 * | python     | `python3 -I -B main.py`              | `python3 -I -B runner.py`             |
 * | shell      | `bash main.sh`                       | `bash run-tests.sh`                   |
 *
 * TypeScript and JavaScript are bundled on the host into that one file: the code as `pattern.ts`/`pattern.js`,
 * the tests as `pattern.test.ts`/`pattern.test.js`, importing the code as `./pattern`, `./code`, `./index`,
 * `./main` or `./solution` (any extension), and `vitest` (the harness). Python tests are `test_pattern.py` and
 * import the code as `pattern` or `solution`; shell tests are `pattern.test.sh` and source `./pattern.sh`.
 * Diagnostics name the files as above.
 */
export async function prepareRun(request: RunRequest, limits: SandboxLimits): Promise<PreparedRun> {
  const runner = runners[request.language];
  if (!runner) throw new TypeError(`Cannot run ${String(request.language)} code`);
  const tests = request.tests?.trim() ? request.tests : undefined;
  const prepared = await runner({ ...request, tests });
  const { program, diagnostics, timings = { typeCheckMs: 0, bundleMs: 0 } } = prepared;
  // Fresh per run, so that nothing a program prints by chance reads as a test report.
  const nonce = randomBytes(16).toString('hex');
  const execution: SandboxExecution | undefined = program && {
    ...program,
    environment: { LANG: 'C.UTF-8', ...(tests === undefined ? {} : { [testReportNonceVariable]: nonce }) },
    ...(request.stdin === undefined ? {} : { stdin: request.stdin }),
    limits,
  };
  return {
    execution,
    diagnostics,
    typeDiagnostics: prepared.typeDiagnostics ?? Promise.resolve([]),
    timings,
    readResult(stdout) {
      if (tests === undefined) return { stdout };
      const { stdout: output, report } = readTestReport(stdout, nonce);
      return { stdout: output, tests: report ?? unfinishedRun };
    },
  };
}

const unfinishedRun: TestReport = {
  passed: 0,
  failed: 1,
  skipped: 0,
  failures: [
    {
      name: '(test run)',
      message: 'The tests reported no results: the run ended before they finished (a crash, the time or output limit)',
    },
  ],
};
