import type { KnowledgeOverview } from '$protocol/pattern-view.ts';

export type DailyRuns = KnowledgeOverview['daily'][number];

/** One day's stacked bar, in the chart's coordinates (y grows downwards; successes sit on the baseline). */
export interface DailyBar extends DailyRuns {
  x: number;
  width: number;
  successY: number;
  successHeight: number;
  failureY: number;
  failureHeight: number;
}

export interface DailyChart {
  bars: DailyBar[];
  /** The value at the top of the axis: a round number at or above the busiest day. */
  top: number;
  /** Values to label on the axis: 0, the middle when it is a whole number, and `top`. */
  ticks: number[];
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1). */
export function roundCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((candidate) => candidate * magnitude >= value)!;
  return step * magnitude;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Lays out a bar per day across `width`, scaled so the busiest day reaches near the top of `height`. */
export function dailyChart(days: readonly DailyRuns[], size: { width: number; height: number }): DailyChart {
  const top = roundCeiling(Math.max(0, ...days.map((day) => day.successes + day.failures)));
  const slot = days.length ? size.width / days.length : 0;
  const barWidth = round(slot * 0.7);
  const scale = (value: number) => round((value / top) * size.height);
  const bars = days.map((day, index): DailyBar => {
    const successHeight = scale(day.successes);
    const failureHeight = scale(day.failures);
    const successY = round(size.height - successHeight);
    return {
      ...day,
      x: round(index * slot + (slot - barWidth) / 2),
      width: barWidth,
      successY,
      successHeight,
      failureY: round(successY - failureHeight),
      failureHeight,
    };
  });
  const ticks = top % 2 === 0 ? [0, top / 2, top] : [0, top];
  return { bars, top, ticks };
}

/** The chart as one sentence, for screen readers and as its caption. */
export function dailySummary(days: readonly DailyRuns[]): string {
  const successes = days.reduce((sum, day) => sum + day.successes, 0);
  const failures = days.reduce((sum, day) => sum + day.failures, 0);
  const runs = successes + failures;
  const span = `the last ${days.length} ${days.length === 1 ? 'day' : 'days'}`;
  if (runs === 0) return `No runs of pattern-built code in ${span}.`;
  const busiest = days.reduce((best, day) =>
    day.successes + day.failures > best.successes + best.failures ? day : best,
  );
  const rate = Math.round((successes / runs) * 100);
  const busiestRuns = busiest.successes + busiest.failures;
  return (
    `${runs} ${runs === 1 ? 'run' : 'runs'} in ${span}: ${successes} passed, ${failures} failed (${rate}% passed). ` +
    `Busiest day: ${busiest.day}, ${busiestRuns} ${busiestRuns === 1 ? 'run' : 'runs'}.`
  );
}
