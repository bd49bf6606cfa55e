import { describe, expect, it } from 'vitest';
import { formatCost, perDay, windowDays } from './usage-series.ts';

describe('usage series', () => {
  it('lists every UTC day of the window, across a month end', () => {
    expect(windowDays({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('fills days without a row with 0', () => {
    expect(perDay(['a', 'b', 'c'], [{ day: 'b', turns: 4 }], (row) => row.turns)).toEqual([0, 4, 0]);
  });

  it('shows small costs with two significant digits', () => {
    expect([0, 0.000123, 0.5, 12.345].map(formatCost)).toEqual(['$0', '$0.00012', '$0.50', '$12.35']);
  });
});
