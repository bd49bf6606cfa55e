import { describe, it, expect } from 'vitest';
import { LruCache } from './pattern.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry once over capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    cache.get('a'); // a is now the most recent
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.size).toBe(2);
  });

  it('updating an existing key refreshes it and does not evict', () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
    cache.set('a', 1).set('b', 2).set('a', 10);
    expect(evicted).toEqual([]);
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.get('a')).toBe(10);
  });

  it('peek and has do not change the eviction order', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.peek('a')).toBe(1);
    expect(cache.has('a')).toBe(true);
    cache.set('c', 3);
    expect(cache.has('a')).toBe(false);
  });

  it('stores falsy and undefined values as hits', () => {
    const cache = new LruCache<string, number | undefined>(2);
    cache.set('zero', 0).set('none', undefined);
    expect(cache.get('zero')).toBe(0);
    cache.get('none'); // refreshes "none" even though its value is undefined
    cache.set('x', 1);
    expect(cache.keys()).toEqual(['none', 'x']);
  });

  it('passes the evicted pair to onEvict and rejects a bad capacity', () => {
    const seen: Array<[string, number]> = [];
    const cache = new LruCache<string, number>(1, (k, v) => seen.push([k, v]));
    cache.set('a', 1).set('b', 2);
    expect(seen).toEqual([['a', 1]]);
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
