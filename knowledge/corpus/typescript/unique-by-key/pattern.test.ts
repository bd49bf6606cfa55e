import { describe, it, expect } from 'vitest';
import { duplicateKeys, uniqueBy } from './pattern.ts';

const events = [
  { id: 1, user: 'ann', at: 1 },
  { id: 2, user: 'bob', at: 2 },
  { id: 3, user: 'ann', at: 3 },
  { id: 4, user: 'cat', at: 4 },
  { id: 5, user: 'bob', at: 5 },
];

describe('uniqueBy', () => {
  it('keeps the first item per key by default', () => {
    expect(uniqueBy(events, (e) => e.user).map((e) => e.id)).toEqual([1, 2, 4]);
  });

  it('keeps the last item per key, ordered by where it appeared', () => {
    expect(uniqueBy(events, (e) => e.user, 'last').map((e) => e.id)).toEqual([3, 4, 5]);
  });

  it('supports compound keys and case-folding', () => {
    const emails = ['A@x.io', 'a@x.io', 'b@x.io'];
    expect(uniqueBy(emails, (email) => email.toLowerCase())).toEqual(['A@x.io', 'b@x.io']);
    const pairs = [{ a: 1, b: 2 }, { a: 1, b: 3 }, { a: 1, b: 2 }];
    expect(uniqueBy(pairs, (p) => `${p.a}|${p.b}`)).toHaveLength(2);
  });

  it('compares object keys by reference, so a primitive key is needed', () => {
    const rows = [{ day: new Date(0) }, { day: new Date(0) }];
    expect(uniqueBy(rows, (r) => r.day)).toHaveLength(2);
    expect(uniqueBy(rows, (r) => r.day.getTime())).toHaveLength(1);
  });

  it('treats NaN keys as equal and handles empty input and other iterables', () => {
    expect(uniqueBy([Number.NaN, Number.NaN, 0, -0], (n) => n)).toEqual([Number.NaN, 0]);
    expect(uniqueBy([], (n: number) => n)).toEqual([]);
    expect(uniqueBy(new Set(['x', 'y']).values(), (s) => s.length)).toEqual(['x']);
  });
});

describe('duplicateKeys', () => {
  it('lists each repeated key once', () => {
    expect(duplicateKeys(events, (e) => e.user)).toEqual(['ann', 'bob']);
    expect(duplicateKeys([1, 1, 1, 2], (n) => n)).toEqual([1]);
    expect(duplicateKeys([1, 2], (n) => n)).toEqual([]);
  });
});
