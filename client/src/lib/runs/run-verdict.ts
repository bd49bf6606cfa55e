import type { SandboxResultBody, TestOutcome } from '$protocol/turn-events.ts';

/** The verdict line of one sandboxed execution: a Run button's run or a code session's attempt. */
export interface RunVerdict {
  passed: boolean;
  exitCode: number;
  /** The duration in seconds, two decimals. */
  seconds: string;
  /** Limits it hit: "timed out", "out of memory", "output truncated". */
  notes: string[];
  tests: TestOutcome | null;
}

export function runVerdict(result: Omit<SandboxResultBody, 'type'>): RunVerdict {
  const notes = [
    result.timedOut && 'timed out',
    result.oom && 'out of memory',
    result.truncated && 'output truncated',
  ].filter((note): note is string => Boolean(note));
  return {
    passed: result.passed,
    exitCode: result.exitCode,
    seconds: (result.durationMs / 1000).toFixed(2),
    notes,
    tests: result.tests ?? null,
  };
}
