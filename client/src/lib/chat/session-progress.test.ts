import { describe, expect, it } from 'vitest';
import type { SessionAttemptRecord, SessionRecord } from '$protocol/turn-details.ts';
import { outcomeSummary, sessionProgress } from './session-progress.ts';

const attempt = (number: number, extra: Partial<SessionAttemptRecord> = {}): SessionAttemptRecord => ({
  attempt: number,
  language: 'typescript',
  code: 'export const x = 1;',
  tests: null,
  runId: `run-${number}`,
  patternIds: [],
  output: '',
  outputCut: false,
  result: null,
  ...extra,
});
const session = (extra: Partial<SessionRecord>): SessionRecord => ({
  phase: null,
  attempts: [],
  outcome: null,
  approval: null,
  ...extra,
});
const states = (record: SessionRecord) =>
  Object.fromEntries(sessionProgress(record).steps.map((step) => [step.name, step.state]));

describe('the code session stepper', () => {
  it('marks the steps before the current phase done and the rest upcoming', () => {
    expect(states(session({ phase: 'validate', attempts: [attempt(1)] }))).toEqual({
      plan: 'done',
      generate: 'done',
      validate: 'current',
      repair: 'upcoming',
      done: 'upcoming',
    });
    expect(sessionProgress(session({ phase: 'validate', attempts: [attempt(1)] }))).toMatchObject({
      attempt: 1,
      phaseLabel: 'Running it',
    });
  });

  it('counts a repair as the next attempt, before its code arrives, and keeps the repair step done after it', () => {
    const repairing = session({ phase: 'repair', attempts: [attempt(1)] });
    expect(sessionProgress(repairing).attempt).toBe(2);
    expect(states(repairing)).toMatchObject({ validate: 'done', repair: 'current', done: 'upcoming' });

    const revalidating = session({
      phase: 'validate',
      attempts: [attempt(1), attempt(2, { repairs: { signatureId: 's', message: 'TypeError' } })],
    });
    expect(sessionProgress(revalidating).attempt).toBe(2);
    expect(states(revalidating)).toMatchObject({ validate: 'current', repair: 'done', done: 'upcoming' });
  });

  it('skips the repair step when the first attempt passed, and validation when nothing ran', () => {
    const passed = session({
      phase: 'done',
      attempts: [attempt(1)],
      outcome: { status: 'passed', attempts: 1, reason: 'tests passed', approvable: true },
    });
    expect(states(passed)).toEqual({
      plan: 'done',
      generate: 'done',
      validate: 'done',
      repair: 'skipped',
      done: 'done',
    });
    const notRun = session({
      phase: 'done',
      outcome: { status: 'not-run', attempts: 0, reason: 'no sandbox', approvable: false },
    });
    expect(states(notRun)).toMatchObject({ validate: 'skipped', repair: 'skipped', done: 'done' });
    expect(sessionProgress(notRun).attempt).toBe(1);
  });

  it('shows a session waiting for approval at its last step, still current', () => {
    const waiting = session({ phase: 'await-approval', attempts: [attempt(1)] });
    expect(states(waiting)).toMatchObject({ validate: 'done', done: 'current' });
    expect(sessionProgress(waiting).phaseLabel).toBe('Waiting for approval');
  });
});

describe('the outcome banner', () => {
  it('says on which attempt it passed, how many repairs did not help, or why nothing ran', () => {
    expect(outcomeSummary({ status: 'passed', attempts: 2, reason: '', approvable: true })).toBe('Passed on attempt 2');
    expect(outcomeSummary({ status: 'failed', attempts: 4, reason: 'expected 3, got 2', approvable: false })).toBe(
      'Still failing after 3 repairs: expected 3, got 2',
    );
    expect(outcomeSummary({ status: 'failed', attempts: 2, reason: 'boom', approvable: false })).toBe(
      'Still failing after 1 repair: boom',
    );
    expect(outcomeSummary({ status: 'failed', attempts: 1, reason: 'cannot repair', approvable: false })).toBe(
      'Failed: cannot repair',
    );
    expect(outcomeSummary({ status: 'not-run', attempts: 0, reason: 'no sandbox', approvable: false })).toBe(
      'Not run: no sandbox',
    );
  });
});
