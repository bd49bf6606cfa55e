import { describe, it, expect } from 'vitest';
import { sumBy, averageBy } from './pattern.js';

const orders = [
  { id: 'a', cents: 1250, qty: 2 },
  { id: 'b', cents: 399, qty: 1 },
  { id: 'c', cents: 1000, qty: 3 },
];

describe('sumBy', () => {
  it('sums by property name or selector', () => {
    expect(sumBy(orders, 'cents')).toBe(2649);
    expect(sumBy(orders, (o) => o.cents * o.qty)).toBe(2500 + 399 + 3000);
    expect(sumBy(orders, (_, i) => i)).toBe(3);
  });

  it('is 0 for no items and works on any iterable', () => {
    expect(sumBy([], 'cents')).toBe(0);
    expect(sumBy(new Set([{ n: 1 }, { n: 2 }]), 'n')).toBe(3);
  });

  it('throws on strings, missing values and NaN instead of corrupting the total', () => {
    expect(() => sumBy([{ n: 1 }, { n: '2' }], 'n')).toThrow('Item 1 has a non-numeric value: 2');
    expect(() => sumBy([{ n: 1 }, {}], 'n')).toThrow(TypeError);
    expect(() => sumBy([{ n: NaN }], 'n')).toThrow(TypeError);
  });

  it('keeps integer cents exact where float amounts drift', () => {
    const prices = [{ eur: 0.1 }, { eur: 0.2 }];
    expect(sumBy(prices, 'eur')).not.toBe(0.3);
    expect(sumBy(prices, (p) => Math.round(p.eur * 100))).toBe(30);
  });
});

describe('averageBy', () => {
  it('averages by property name or selector', () => {
    expect(averageBy(orders, 'qty')).toBe(2);
    expect(averageBy(orders, (o) => o.cents)).toBe(883);
    expect(averageBy([{ n: 1 }, { n: 2 }], 'n')).toBe(1.5);
  });

  it('is undefined, not NaN, for no items', () => {
    expect(averageBy([], 'qty')).toBeUndefined();
    expect(averageBy([{ n: -4 }], 'n')).toBe(-4);
  });

  it('validates values like sumBy', () => {
    expect(() => averageBy([{ n: null }], 'n')).toThrow(TypeError);
  });
});
