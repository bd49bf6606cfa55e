import type { Logger } from 'pino';
import { errorOfOutput } from '../../knowledge/learning/error-of-output.ts';
import type { PatternLearning } from '../../knowledge/learning/pattern-learning.ts';
import type { RunOutcome, RunSpec } from './run-store.ts';

/** Where run verdicts go: the knowledge layer's learning entry point (or the part of it a worker process has). */
export type RunLearning = Pick<PatternLearning, 'recordOutcome'>;

/**
 * Credits or blames the patterns a finished run was built on: passed is a success; failed is a failure, with
 * the error its output shows (stderr first, then stdout and the failed tests' messages). A run that could not
 * execute (no sandbox, code that does not compile) says nothing about the patterns and records nothing. A
 * failure to record is logged and never changes the run.
 */
export async function learnFromRun(
  run: { spec: RunSpec; outcome: RunOutcome },
  learning: RunLearning | undefined,
  log: Logger,
): Promise<void> {
  const { spec, outcome } = run;
  if (!learning || spec.patternIds.length === 0 || outcome.status === 'error') return;
  try {
    if (outcome.status === 'passed') {
      await learning.recordOutcome(spec.patternIds, { verdict: 'success', runId: spec.id });
    } else {
      const failures = outcome.result?.tests?.failures.map((failure) => failure.message) ?? [];
      const error = errorOfOutput([outcome.stderr, outcome.stdout, ...failures].join('\n'));
      await learning.recordOutcome(spec.patternIds, { verdict: 'failure', runId: spec.id, error });
    }
  } catch (error) {
    log.warn({ err: error, runId: spec.id }, "the run's verdict could not be credited to its patterns");
  }
}
