/**
 * How a test harness inside the sandbox hands its results back: as the last thing it prints on stdout, one line
 *
 *     \u001eKILN-TESTS <nonce> <report as JSON>
 *
 * where the nonce is made fresh for each prepared run and reaches the harness in the environment variable
 * below (which the harness removes before any user code runs), so nothing a program prints by chance is taken
 * for a report. The Python and shell harnesses print the same line (python-test-runner.py,
 * shell-test-runner.sh). This file is bundled into the JavaScript harness: it imports nothing.
 */
export const testReportPrefix = '\u001eKILN-TESTS';
export const testReportNonceVariable = 'KILN_TESTS_NONCE';

export interface TestFailure {
  /** The test's full name (`suite > test` for vitest, `Class.test_method` for unittest). */
  name: string;
  message: string;
}

export interface TestReport {
  passed: number;
  failed: number;
  skipped: number;
  failures: TestFailure[];
}

export function formatTestReport(nonce: string, report: TestReport): string {
  return `${testReportPrefix} ${nonce} ${JSON.stringify(report)}\n`;
}
