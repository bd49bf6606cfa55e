import { describe, expect, it } from 'vitest';
import { dailyChart, dailySummary, roundCeiling } from './daily-chart.ts';

describe('the daily runs chart', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 42, 180, 501].map(roundCeiling)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 200, 1000]);
  });

  it('stacks failures on successes, scaled to the axis top, one evenly spaced bar per day', () => {
    const chart = dailyChart(
      [
        { day: '2026-12-01', successes: 3, failures: 1 },
        { day: '2026-12-02', successes: 0, failures: 0 },
        { day: '2026-12-03', successes: 6, failures: 2 },
      ],
      { width: 300, height: 100 },
    );
    expect(chart.top).toBe(10);
    expect(chart.ticks).toEqual([0, 5, 10]);
    expect(chart.bars.map((bar) => bar.x)).toEqual([15, 115, 215]);
    expect(chart.bars[0]).toMatchObject({
      width: 70,
      successY: 70,
      successHeight: 30,
      failureY: 60,
      failureHeight: 10,
    });
    expect(chart.bars[1]).toMatchObject({ successHeight: 0, failureHeight: 0, successY: 100 });
    // The busiest day (8 runs) stays under the top of a 10-run axis.
    expect(chart.bars[2]).toMatchObject({ successHeight: 60, failureY: 20, failureHeight: 20 });
  });

  it('draws an empty month flat on an axis of 1', () => {
    const chart = dailyChart([{ day: '2026-12-01', successes: 0, failures: 0 }], { width: 10, height: 50 });
    expect(chart.top).toBe(1);
    expect(chart.ticks).toEqual([0, 1]);
    expect(chart.bars[0]).toMatchObject({ successHeight: 0, failureHeight: 0 });
    expect(dailyChart([], { width: 10, height: 50 }).bars).toEqual([]);
    expect(dailyChart([{ day: '2026-12-01', successes: 4, failures: 0 }], { width: 10, height: 50 }).ticks).toEqual([
      0, 5,
    ]);
  });

  it('sums it up in words for readers who cannot see it', () => {
    expect(
      dailySummary([
        { day: '2026-12-01', successes: 3, failures: 1 },
        { day: '2026-12-02', successes: 5, failures: 1 },
      ]),
    ).toBe('10 runs in the last 2 days: 8 passed, 2 failed (80% passed). Busiest day: 2026-12-02, 6 runs.');
    expect(dailySummary([{ day: '2026-12-01', successes: 0, failures: 0 }])).toBe(
      'No runs of pattern-built code in the last 1 day.',
    );
  });
});
