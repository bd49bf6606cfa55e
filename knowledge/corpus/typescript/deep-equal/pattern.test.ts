import { isDeepStrictEqual } from 'node:util';
import { describe, it, expect } from 'vitest';
import { deepEqual } from './pattern.ts';

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

const cases: Array<[string, unknown, unknown, boolean]> = [
  ['equal nested objects, any key order', { a: 1, b: { c: [1, 2, { d: 'x' }] } }, { b: { c: [1, 2, { d: 'x' }] }, a: 1 }, true],
  ['different nested value', { a: { b: [1, 2] } }, { a: { b: [1, 3] } }, false],
  ['NaN equals NaN', { n: Number.NaN }, { n: Number.NaN }, true],
  ['0 and -0 differ', [0], [-0], false],
  ['undefined value vs missing key', { a: undefined }, {}, false],
  ['array vs array-like object', [1, 2], { 0: 1, 1: 2, length: 2 }, false],
  ['different array lengths', [1, 2], [1, 2, undefined], false],
  ['number vs string', 1, '1', false],
  ['null vs object', null, {}, false],
  ['equal dates', new Date(5), new Date(5), true],
  ['different dates', new Date(5), new Date(6), false],
  ['regexps by source and flags', /a+/gi, /a+/gi, true],
  ['regexps with different flags', /a+/g, /a+/i, false],
  ['maps with equal values', new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]]), true],
  ['maps with different values', new Map([['k', 1]]), new Map([['k', 2]]), false],
  ['sets by value', new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1]), true],
  ['sets pair members one to one', new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }]), false],
  ['buffers by bytes', Buffer.from('abc'), Buffer.from('abc'), true],
  ['buffers with different bytes', Buffer.from('abc'), Buffer.from('abd'), false],
  ['same class instances', new Point(1, 2), new Point(1, 2), true],
  ['class instance vs plain object', new Point(1, 2), { x: 1, y: 2 }, false],
  ['errors with different messages', new Error('a'), new Error('b'), false],
];

describe('deepEqual', () => {
  it.each(cases)('%s', (_, a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
    expect(deepEqual(b, a)).toBe(expected);
  });

  it('agrees with util.isDeepStrictEqual on every case', () => {
    for (const [name, a, b] of cases) expect([name, deepEqual(a, b)]).toEqual([name, isDeepStrictEqual(a, b)]);
  });

  it('handles cyclic structures', () => {
    type Node = { value: number; next?: Node };
    const a: Node = { value: 1 };
    a.next = a;
    const b: Node = { value: 1 };
    b.next = { value: 1, next: b };
    expect(deepEqual(a, b)).toBe(true);
    const c: Node = { value: 2 };
    c.next = c;
    expect(deepEqual(a, c)).toBe(false);
  });

  it('does not remember a failed comparison as a match', () => {
    // Matching the sets first tries (m1, c1), which fails; comparing them again later must still fail.
    const [m1, m2, c1, c2] = [{ v: 1 }, { v: 2 }, { v: 2 }, { v: 1 }];
    expect(deepEqual([new Set([m1, m2]), m1], [new Set([c1, c2]), c1])).toBe(false);
    expect(deepEqual([new Set([m1, m2]), m1], [new Set([c1, c2]), c2])).toBe(true);
  });

  it('treats functions as equal only by reference', () => {
    const f = () => 1;
    expect(deepEqual({ f }, { f })).toBe(true);
    expect(deepEqual({ f }, { f: () => 1 })).toBe(false);
  });
});
