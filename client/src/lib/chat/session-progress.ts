import type { SessionRecord } from '$protocol/turn-details.ts';

/** A code session makes at most this many attempts: the first and up to three repairs (the server's limit). */
export const maxSessionAttempts = 4;

export type StepName = 'plan' | 'generate' | 'validate' | 'repair' | 'done';
/** `skipped`: the session ended without needing that step (a repair, when the first attempt passed). */
export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface SessionStep {
  name: StepName;
  state: StepState;
}

export interface SessionProgress {
  steps: SessionStep[];
  /** The attempt under way, or the last one made (1-based). */
  attempt: number;
  /** What the session is doing now, e.g. "Validating". */
  phaseLabel: string;
}

const stepOrder: StepName[] = ['plan', 'generate', 'validate', 'repair', 'done'];

const phaseLabels: Record<NonNullable<SessionRecord['phase']>, string> = {
  plan: 'Planning',
  generate: 'Writing the code',
  validate: 'Running it',
  repair: 'Repairing',
  'await-approval': 'Waiting for approval',
  done: 'Done',
};

/**
 * Where a code session stands, for its stepper: plan → generate → validate → (repair → validate)… → done.
 * The stored record keeps the phase but not its attempt number: a `repair` phase works on the attempt after the
 * last one sent (an attempt is sent when its validation starts).
 */
export function sessionProgress(session: SessionRecord): SessionProgress {
  const phase = session.phase ?? (session.outcome ? 'done' : 'plan');
  const current: StepName = phase === 'await-approval' ? 'done' : phase;
  const currentIndex = stepOrder.indexOf(current);
  const lastAttempt = session.attempts.at(-1)?.attempt ?? 0;
  const repaired = phase === 'repair' || lastAttempt > 1 || session.attempts.some((attempt) => attempt.repairs);
  const notRun = session.outcome?.status === 'not-run';
  const steps = stepOrder.map((name, index): SessionStep => {
    if (name === current) return { name, state: phase === 'done' ? 'done' : 'current' };
    if (notRun && (name === 'validate' || name === 'repair')) return { name, state: 'skipped' };
    if (name === 'repair' && repaired) return { name, state: 'done' };
    if (index > currentIndex) return { name, state: 'upcoming' };
    return { name, state: name === 'repair' ? 'skipped' : 'done' };
  });
  return {
    steps,
    attempt: phase === 'repair' ? lastAttempt + 1 : Math.max(lastAttempt, 1),
    phaseLabel: phaseLabels[phase],
  };
}

/** The outcome banner's sentence. */
export function outcomeSummary(outcome: NonNullable<SessionRecord['outcome']>): string {
  if (outcome.status === 'passed') return `Passed on attempt ${outcome.attempts}`;
  if (outcome.status === 'not-run') return `Not run: ${outcome.reason}`;
  const repairs = outcome.attempts - 1;
  if (repairs < 1) return `Failed: ${outcome.reason}`;
  return `Still failing after ${repairs} ${repairs === 1 ? 'repair' : 'repairs'}: ${outcome.reason}`;
}
