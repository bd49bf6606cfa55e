import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { TtlCache } from './pattern.ts';

describe('TtlCache', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('returns a value until its lifetime is over, then forgets it', () => {
    const cache = new TtlCache<string, number>(1000);
    cache.set('a', 1);
    vi.advanceTimersByTime(999);
    expect(cache.get('a')).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.has('a')).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('honours a per-entry lifetime and restarts the clock on set', () => {
    const cache = new TtlCache<string, string>(1000);
    cache.set('short', 'x', 100).set('long', 'y');
    vi.advanceTimersByTime(500);
    expect(cache.has('short')).toBe(false);
    cache.set('long', 'y2');
    vi.advanceTimersByTime(900);
    expect(cache.get('long')).toBe('y2');
  });

  it('prune removes only expired entries', () => {
    const cache = new TtlCache<number, number>(100);
    cache.set(1, 1).set(2, 2, 500);
    vi.advanceTimersByTime(200);
    expect(cache.size).toBe(2);
    expect(cache.prune()).toBe(1);
    expect(cache.size).toBe(1);
    expect(cache.get(2)).toBe(2);
  });

  it('getOrLoad shares one in-flight load and caches the result', async () => {
    const cache = new TtlCache<string, number>(1000);
    const load = vi.fn(async (key: string) => key.length);
    const [a, b] = await Promise.all([cache.getOrLoad('abc', load), cache.getOrLoad('abc', load)]);
    expect([a, b]).toEqual([3, 3]);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.getOrLoad('abc', load);
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    await cache.getOrLoad('abc', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed load', async () => {
    const cache = new TtlCache<string, number>(1000);
    await expect(cache.getOrLoad('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.has('k')).toBe(false);
    await expect(cache.getOrLoad('k', async () => 7)).resolves.toBe(7);
  });

  it('accepts an injected clock', () => {
    let now = 0;
    const cache = new TtlCache<string, number>(10, () => now);
    cache.set('a', 1);
    now = 10;
    expect(cache.get('a')).toBeUndefined();
    expect(() => new TtlCache(0)).toThrow(RangeError);
  });
});
