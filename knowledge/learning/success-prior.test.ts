import { describe, expect, it } from 'vitest';
import { isFailing, successPrior } from './success-prior.ts';

const stats = (counts: Partial<{ successes: number; failures: number; feedbackUp: number; feedbackDown: number }>) => ({
  successes: 0,
  failures: 0,
  feedbackUp: 0,
  feedbackDown: 0,
  ...counts,
});

describe('successPrior', () => {
  it('leaves a pattern nothing is known of exactly where it ranked', () => {
    expect(successPrior(stats({}))).toBe(1);
    expect(successPrior(stats({ successes: 2, failures: 2 }))).toBe(1);
  });

  it('lifts proven patterns by at most a quarter, as before', () => {
    expect(successPrior(stats({ successes: 3, failures: 1 }))).toBeCloseTo(0.75 + 0.5 * (4 / 6));
    expect(successPrior(stats({ successes: 1000 }))).toBeLessThan(1.25);
  });

  it('counts a thumb as a quarter of a run', () => {
    expect(successPrior(stats({ feedbackUp: 4 }))).toBeCloseTo(successPrior(stats({ successes: 1 })));
    expect(successPrior(stats({ feedbackDown: 4 }))).toBeCloseTo(successPrior(stats({ failures: 1 })));
    expect(successPrior(stats({ feedbackUp: 1 }))).toBeLessThan(successPrior(stats({ successes: 1 })));
  });

  it('sinks a pattern that keeps failing to under a third, and thumbs alone never do', () => {
    expect(successPrior(stats({ failures: 2 }))).toBeCloseTo(0.875);
    expect(successPrior(stats({ failures: 3 }))).toBeLessThan(0.33);
    expect(successPrior(stats({ feedbackDown: 40 }))).toBeGreaterThan(0.75);
  });
});

describe('isFailing', () => {
  it('needs at least 3 failed runs, and twice as many failures as successes', () => {
    expect(isFailing({ successes: 0, failures: 2 })).toBe(false);
    expect(isFailing({ successes: 0, failures: 3 })).toBe(true);
    expect(isFailing({ successes: 2, failures: 4 })).toBe(true);
    expect(isFailing({ successes: 3, failures: 5 })).toBe(false);
  });
});
