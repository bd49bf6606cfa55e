import { describe, it, expect } from 'vitest';
import { deepClone } from './pattern.ts';

class Money {
  constructor(
    public amount: number,
    public currency: string,
  ) {}
  format(): string {
    return `${this.amount.toFixed(2)} ${this.currency}`;
  }
}

describe('deepClone', () => {
  it('copies nested data so changing the copy leaves the original alone', () => {
    const original = { user: { name: 'ann', tags: ['a', 'b'] }, count: 1 };
    const copy = deepClone(original);
    expect(copy).toEqual(original);
    copy.user.tags.push('c');
    copy.user.name = 'bob';
    expect(original).toEqual({ user: { name: 'ann', tags: ['a', 'b'] }, count: 1 });
  });

  it('keeps class prototypes, unlike structuredClone', () => {
    const copy = deepClone({ price: new Money(5, 'EUR') });
    expect(copy.price).toBeInstanceOf(Money);
    expect(copy.price.format()).toBe('5.00 EUR');
    expect(structuredClone({ price: new Money(5, 'EUR') }).price).not.toBeInstanceOf(Money);
  });

  it('copies Date, RegExp, Map, Set and Buffer', () => {
    const key = { id: 1 };
    const original = {
      when: new Date(1000),
      pattern: /x+/gi,
      map: new Map([[key, [1]]]),
      set: new Set([[2]]),
      bytes: Buffer.from('hi'),
      floats: new Float64Array([1.5]),
    };
    const copy = deepClone(original);
    expect(copy).toEqual(original);
    copy.when.setTime(0);
    expect(original.when.getTime()).toBe(1000);
    expect(copy.pattern).not.toBe(original.pattern);
    const [copiedKey] = [...copy.map.keys()];
    expect(copiedKey).toEqual(key);
    expect(copiedKey).not.toBe(key);
    [...copy.set][0]?.push(3);
    expect([...original.set][0]).toEqual([2]);
    copy.bytes[0] = 0;
    expect(original.bytes.toString()).toBe('hi');
    expect(Buffer.isBuffer(copy.bytes)).toBe(true);
    expect(copy.floats).toBeInstanceOf(Float64Array);
  });

  it('preserves cycles and shared references', () => {
    const shared = { n: 1 };
    const original: { a: typeof shared; b: typeof shared; self?: unknown } = { a: shared, b: shared };
    original.self = original;
    const copy = deepClone(original);
    expect(copy.self).toBe(copy);
    expect(copy.a).toBe(copy.b);
    expect(copy.a).not.toBe(shared);
  });

  it('shares functions and copies symbol keys instead of throwing', () => {
    const tag = Symbol('tag');
    const onClick = () => 'clicked';
    const original = { onClick, [tag]: { deep: true } };
    expect(() => structuredClone(original)).toThrow();
    const copy = deepClone(original);
    expect(copy.onClick).toBe(onClick);
    expect(copy[tag]).toEqual({ deep: true });
    expect(copy[tag]).not.toBe(original[tag]);
  });

  it('returns primitives unchanged and keeps sparse arrays the same length', () => {
    expect(deepClone(42)).toBe(42);
    expect(deepClone(null)).toBeNull();
    const sparse = [1, , 3];
    expect(deepClone(sparse)).toHaveLength(3);
  });
});
