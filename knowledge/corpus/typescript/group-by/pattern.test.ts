import { describe, it, expect } from 'vitest';
import { countBy, groupBy, groupByToRecord } from './pattern.ts';

const orders = [
  { id: 1, customer: 'ann', total: 30 },
  { id: 2, customer: 'bob', total: 10 },
  { id: 3, customer: 'ann', total: 5 },
  { id: 4, customer: 'cat', total: 70 },
];

describe('groupBy', () => {
  it('groups by key, keeping first-seen key order and item order', () => {
    const groups = groupBy(orders, (order) => order.customer);
    expect([...groups.keys()]).toEqual(['ann', 'bob', 'cat']);
    expect(groups.get('ann')?.map((order) => order.id)).toEqual([1, 3]);
    expect(groups.get('zed')).toBeUndefined();
  });

  it('accepts non-string keys and any iterable', () => {
    const groups = groupBy(new Set([1, 2, 3, 4, 5]), (n) => n % 2 === 0);
    expect(groups.get(true)).toEqual([2, 4]);
    expect(groups.get(false)).toEqual([1, 3, 5]);
  });

  it('passes the index and handles empty input', () => {
    expect(groupBy(['a', 'b', 'c'], (_, i) => Math.floor(i / 2))).toEqual(new Map([[0, ['a', 'b']], [1, ['c']]]));
    expect(groupBy([], () => 'x').size).toBe(0);
  });
});

describe('groupByToRecord', () => {
  it('builds a plain object and is safe with prototype keys', () => {
    const record = groupByToRecord(['constructor', '__proto__', 'x'], (word) => word);
    expect(record['__proto__']).toEqual(['__proto__']);
    expect(record.constructor).toEqual(['constructor']);
    expect(Object.keys(record)).toEqual(['constructor', '__proto__', 'x']);
    expect(Object.getPrototypeOf(record)).toBeNull();
  });

  it('serialises to JSON', () => {
    const record = groupByToRecord(orders, (order) => (order.total >= 30 ? 'big' : 'small'));
    expect(JSON.parse(JSON.stringify(record))).toEqual({ big: [orders[0], orders[3]], small: [orders[1], orders[2]] });
  });
});

describe('countBy', () => {
  it('counts items per key', () => {
    expect(countBy(orders, (order) => order.customer)).toEqual(new Map([['ann', 2], ['bob', 1], ['cat', 1]]));
  });
});
