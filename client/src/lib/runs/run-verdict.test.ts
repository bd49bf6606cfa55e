import { describe, expect, it } from 'vitest';
import { runVerdict } from './run-verdict.ts';

describe('a run verdict', () => {
  it('names every limit the run hit, with its exit code and duration', () => {
    expect(
      runVerdict({ exitCode: 137, passed: false, durationMs: 1500, timedOut: true, oom: true, truncated: true }),
    ).toEqual({
      passed: false,
      exitCode: 137,
      seconds: '1.50',
      notes: ['timed out', 'out of memory', 'output truncated'],
      tests: null,
    });
  });

  it('keeps the test counts and failures, and no notes for a clean run', () => {
    const tests = { passed: 2, failed: 1, failures: [{ name: 'adds', message: 'expected 3' }] };
    expect(runVerdict({ exitCode: 1, passed: false, durationMs: 42, timedOut: false, oom: false, tests })).toEqual({
      passed: false,
      exitCode: 1,
      seconds: '0.04',
      notes: [],
      tests,
    });
  });
});
