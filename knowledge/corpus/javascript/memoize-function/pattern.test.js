import { describe, it, expect, vi } from 'vitest';
import { memoize } from './pattern.js';

describe('memoize', () => {
  it('computes once per distinct argument', () => {
    const square = vi.fn((n) => n * n);
    const fast = memoize(square);
    expect(fast(4)).toBe(16);
    expect(fast(4)).toBe(16);
    expect(fast(5)).toBe(25);
    expect(square).toHaveBeenCalledTimes(2);
    expect(fast.cache.size).toBe(2);
  });

  it('uses every argument in the key, not just the first', () => {
    const add = vi.fn((a, b) => a + b);
    const fast = memoize(add);
    expect(fast(1, 2)).toBe(3);
    expect(fast(1, 3)).toBe(4);
    expect(fast(1, 2)).toBe(3);
    expect(add).toHaveBeenCalledTimes(2);
  });

  it('caches undefined results and distinguishes 1 from "1"', () => {
    const spy = vi.fn((x) => (x === 1 ? undefined : typeof x));
    const fast = memoize(spy);
    expect(fast(1)).toBeUndefined();
    expect(fast(1)).toBeUndefined();
    expect(fast('1')).toBe('string');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('matches objects by identity unless given a key function', () => {
    const byRef = vi.fn((user) => user.name.toUpperCase());
    const fast = memoize(byRef);
    fast({ id: 1, name: 'ada' });
    fast({ id: 1, name: 'ada' });
    expect(byRef).toHaveBeenCalledTimes(2);
    const byId = vi.fn((user) => user.name.toUpperCase());
    const keyed = memoize(byId, { key: (user) => user.id });
    keyed({ id: 1, name: 'ada' });
    expect(keyed({ id: 1, name: 'ada' })).toBe('ADA');
    expect(byId).toHaveBeenCalledTimes(1);
  });

  it('evicts the least recently used entry beyond maxSize', () => {
    const spy = vi.fn((n) => n * 10);
    const fast = memoize(spy, { maxSize: 2 });
    fast(1);
    fast(2);
    fast(1); // 1 is now the most recent
    fast(3); // evicts 2
    expect([...fast.cache.keys()]).toEqual([1, 3]);
    fast(2);
    expect(spy).toHaveBeenCalledTimes(4);
    expect(() => memoize(spy, { maxSize: 0 })).toThrow(RangeError);
  });

  it('shares an in-flight promise and forgets rejections so callers can retry', async () => {
    let attempts = 0;
    const load = vi.fn(async (id) => {
      attempts += 1;
      if (attempts === 1) throw new Error('network down');
      return { id };
    });
    const fast = memoize(load);
    const [a, b] = [fast(7), fast(7)];
    expect(a).toBe(b);
    await expect(a).rejects.toThrow('network down');
    await expect(fast(7)).resolves.toEqual({ id: 7 });
    await expect(fast(7)).resolves.toEqual({ id: 7 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('clears the cache and keeps this', () => {
    const spy = vi.fn(function (n) { return this.base + n; });
    const obj = { base: 100, add: memoize(spy) };
    expect(obj.add(1)).toBe(101);
    obj.add.clear();
    expect(obj.add(1)).toBe(101);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
