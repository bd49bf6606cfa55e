import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { learnFromRun, type RunLearning } from './learn-from-run.ts';
import type { RunOutcome, RunSpec } from './run-store.ts';

const spec: RunSpec = {
  id: '00000000-0000-4000-8000-000000000001',
  ownerId: '00000000-0000-4000-8000-000000000002',
  language: 'python',
  code: 'print(1)',
  tests: null,
  stdin: null,
  timeoutMs: 5_000,
  patternIds: ['py-a', 'py-b'],
};
const outcome = (status: RunOutcome['status'], output: Partial<RunOutcome> = {}): RunOutcome => ({
  status,
  result:
    status === 'error'
      ? null
      : {
          exitCode: status === 'passed' ? 0 : 1,
          passed: status === 'passed',
          timedOut: false,
          oom: false,
          truncated: false,
          durationMs: 5,
        },
  error: status === 'error' ? { code: 'does_not_compile', message: 'The code cannot run.' } : null,
  diagnostics: [],
  stdout: '',
  stderr: '',
  ...output,
});

function recording() {
  const recorded: Parameters<RunLearning['recordOutcome']>[] = [];
  const learning: RunLearning = { recordOutcome: async (...call) => (recorded.push(call), call[0]) };
  return { learning, recorded };
}

describe('learnFromRun', () => {
  it('credits the patterns of a passed run, naming the run', async () => {
    const { learning, recorded } = recording();
    await learnFromRun({ spec, outcome: outcome('passed') }, learning, pino({ level: 'silent' }));
    expect(recorded).toEqual([[['py-a', 'py-b'], { verdict: 'success', runId: spec.id }]]);
  });

  it('blames the patterns of a failed run with the error its output shows', async () => {
    const { learning, recorded } = recording();
    const stderr = 'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\nKeyError: \'user\'\n';
    await learnFromRun({ spec, outcome: outcome('failed', { stderr }) }, learning, pino({ level: 'silent' }));
    expect(recorded).toEqual([
      [
        ['py-a', 'py-b'],
        { verdict: 'failure', runId: spec.id, error: { id: expect.any(String), message: "KeyError: '<name>'" } },
      ],
    ]);
  });

  it('records nothing for a run that could not execute, or that no pattern was behind', async () => {
    const { learning, recorded } = recording();
    await learnFromRun({ spec, outcome: outcome('error') }, learning, pino({ level: 'silent' }));
    await learnFromRun(
      { spec: { ...spec, patternIds: [] }, outcome: outcome('passed') },
      learning,
      pino({ level: 'silent' }),
    );
    expect(recorded).toEqual([]);
  });

  it('logs a learning failure and lets the run stand', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const failing: RunLearning = {
      recordOutcome: async () => {
        throw new Error('the pattern store is down');
      },
    };
    await expect(learnFromRun({ spec, outcome: outcome('passed') }, failing, log)).resolves.toBeUndefined();
    expect(JSON.parse(lines[0]!)).toMatchObject({ runId: spec.id, err: { message: 'the pattern store is down' } });
  });
});
