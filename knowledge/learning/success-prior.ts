import type { PatternStats } from '../patterns/pattern.ts';

/**
 * How much a thumbs up or down on an answer citing a pattern counts, against one sandbox run of code built on
 * it: a quarter. A thumb says the answer helped, not that the pattern's code works, and one person can give
 * many; a run is evidence from execution.
 */
export const feedbackWeight = 0.25;

/**
 * When a pattern counts as failing (and is flagged for review): at least `minimumFailures` failed runs, and
 * at least `failuresPerSuccess` failed runs for each passed one. Thumbs never flag a pattern.
 */
export const failingRule = { minimumFailures: 3, failuresPerSuccess: 2 } as const;

/**
 * What a failing pattern's prior is multiplied by. Measured on the seed corpus (docs/learning.md): a pattern
 * ranked in the top 3 for one of its own questions leaves the top 3 once its score falls below 0.41 of what
 * it was, for every one of the 833 such questions; 0.35 × 0.85 (the prior of 0 passed in 3) is 0.30.
 */
export const failingPenalty = 0.35;

export function isFailing(stats: Pick<PatternStats, 'successes' | 'failures'>): boolean {
  return (
    stats.failures >= failingRule.minimumFailures && stats.failures >= failingRule.failuresPerSuccess * stats.successes
  );
}

/**
 * The factor retrieval multiplies a pattern's score by: 0.75 + 0.5 × (s + 1) / (s + f + 2), where s and f
 * are its passed and failed runs plus `feedbackWeight` × its thumbs up and down (so between 0.75 and 1.25,
 * and exactly 1 for a pattern nothing is known of: untouched patterns rank as they always did); times
 * `failingPenalty` while it is failing.
 */
export function successPrior(stats: Pick<PatternStats, 'successes' | 'failures' | 'feedbackUp' | 'feedbackDown'>) {
  const passed = stats.successes + feedbackWeight * stats.feedbackUp;
  const failed = stats.failures + feedbackWeight * stats.feedbackDown;
  const prior = 0.75 + 0.5 * ((passed + 1) / (passed + failed + 2));
  return isFailing(stats) ? prior * failingPenalty : prior;
}
