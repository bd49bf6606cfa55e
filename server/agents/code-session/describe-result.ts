import type { SandboxResultBody } from '../../../protocol/turn-events.ts';

/** A run's verdict in a few words: "3 tests passed in 1.2 s", "1 of 3 tests failed (adds: expected 3, got 4)". */
export function describeResult(result: Omit<SandboxResultBody, 'type'> | null): string {
  if (!result) return '';
  const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
  if (result.timedOut) return `it was stopped after ${seconds}: the time limit`;
  if (result.oom) return 'it ran out of memory';
  const tests = result.tests;
  if (tests) {
    const total = tests.passed + tests.failed;
    if (result.passed) return `${total} ${total === 1 ? 'test' : 'tests'} passed in ${seconds}`;
    if (tests.failed === 0) return `the tests passed but the program exited with code ${result.exitCode}`;
    const first = tests.failures[0];
    const why = first ? ` (${first.name}: ${oneLine(first.message)})` : '';
    return `${tests.failed} of ${total} ${total === 1 ? 'test' : 'tests'} failed${why}`;
  }
  if (result.passed) return `it ran and exited cleanly in ${seconds}`;
  return `it exited with code ${result.exitCode}${result.truncated ? ' (its output passed the limit)' : ''}`;
}

/** The telling line of a message: its first, or for a Python traceback its last (the exception). */
function oneLine(text: string): string {
  const lines = text.split('\n').filter((part) => part.trim());
  const line = (/^Traceback/.test(lines[0] ?? '') ? lines.at(-1) : lines[0]) ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line.trim();
}
