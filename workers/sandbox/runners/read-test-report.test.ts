import { describe, expect, it } from 'vitest';
import { readTestReport } from './read-test-report.ts';
import { formatTestReport, type TestReport } from './test-report-marker.ts';

const report: TestReport = {
  passed: 2,
  failed: 1,
  skipped: 0,
  failures: [{ name: 'a > b', message: 'expected 1 to be 2' }],
};

describe('readTestReport', () => {
  it('takes the report line out of stdout and parses it', () => {
    const stdout = `hello\n${formatTestReport('n1', report)}`;
    expect(readTestReport(stdout, 'n1')).toEqual({ stdout: 'hello\n', report });
  });

  it('finds the report after output that did not end its line', () => {
    const stdout = `no newline${formatTestReport('n1', report)}`;
    expect(readTestReport(stdout, 'n1')).toEqual({ stdout: 'no newline', report });
  });

  it('ignores a report with another nonce, as printed output', () => {
    const stdout = formatTestReport('forged', { ...report, failed: 0, failures: [] });
    expect(readTestReport(stdout, 'n1')).toEqual({ stdout, report: undefined });
  });

  it('takes the last report when a program printed look-alikes with the right nonce before it', () => {
    const early = formatTestReport('n1', { passed: 9, failed: 0, skipped: 0, failures: [] });
    const result = readTestReport(`${early}${formatTestReport('n1', report)}`, 'n1');
    expect(result).toEqual({ stdout: early, report });
  });

  it('has no report when the line was cut short or is not a report', () => {
    const line = formatTestReport('n1', report);
    expect(readTestReport(`out\n${line.slice(0, 30)}`, 'n1')).toEqual({ stdout: 'out\n', report: undefined });
    expect(readTestReport('\u001eKILN-TESTS n1 {"passed":"all"}\nafter\n', 'n1')).toEqual({
      stdout: 'after\n',
      report: undefined,
    });
    expect(readTestReport('\u001eKILN-TESTS n1 not json\n', 'n1').report).toBeUndefined();
  });
});
