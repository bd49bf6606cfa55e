import { describe, it, expect, vi } from 'vitest';
import { shuffle, shuffleInPlace, sample, cryptoRandom } from './pattern.js';

/** A small seeded generator (mulberry32), so distribution tests are repeatable. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('shuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffle(input, seeded(1));
    expect(out).not.toBe(input);
    expect(input).toEqual([1, 2, 3, 4, 5]);
    expect([...out].sort()).toEqual(input);
  });

  it('follows Fisher-Yates exactly for a given random source', () => {
    // random() = 0 always swaps position i with 0: [a,b,c,d] -> [b,c,d,a]
    expect(shuffle(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
    // random() just below 1 always swaps i with itself: order unchanged
    expect(shuffle(['a', 'b', 'c', 'd'], () => 0.999999)).toEqual(['a', 'b', 'c', 'd']);
    const random = vi.fn(() => 0.5);
    shuffle([1, 2, 3, 4], random);
    expect(random).toHaveBeenCalledTimes(3); // n - 1 draws
  });

  it('makes every order equally likely', () => {
    const random = seeded(42);
    const counts = new Map();
    const runs = 6000;
    for (let r = 0; r < runs; r++) {
      const key = shuffle('abc', random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) {
      expect(Math.abs(count - runs / 6)).toBeLessThan(100); // ~4 standard deviations
    }
  });

  it('handles empty and single-item input without calling random', () => {
    const random = vi.fn(() => 0);
    expect(shuffle([], random)).toEqual([]);
    expect(shuffle([7], random)).toEqual([7]);
    expect(random).not.toHaveBeenCalled();
  });

  it('shuffleInPlace mutates and returns the same array', () => {
    const arr = [1, 2, 3];
    expect(shuffleInPlace(arr, () => 0)).toBe(arr);
    expect(arr).toEqual([2, 3, 1]);
  });
});

describe('sample', () => {
  it('picks distinct items, capped at the input size', () => {
    const picked = sample(range(10), 4, seeded(7));
    expect(picked).toHaveLength(4);
    expect(new Set(picked).size).toBe(4);
    expect(sample([1, 2], 5, seeded(7)).sort()).toEqual([1, 2]);
    expect(sample([1, 2], 0)).toEqual([]);
    expect(sample([1, 2], -3)).toEqual([]);
    expect(sample(['a', 'b', 'c'], 1, () => 0.99)).toEqual(['c']);
  });

  it('makes every ordered selection equally likely', () => {
    const random = seeded(3);
    const counts = new Map();
    const runs = 6000;
    for (let r = 0; r < runs; r++) {
      const key = sample('abc', 2, random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['ab', 'ac', 'ba', 'bc', 'ca', 'cb']);
    for (const count of counts.values()) {
      expect(Math.abs(count - runs / 6)).toBeLessThan(100);
    }
  });
});

describe('cryptoRandom', () => {
  it('returns floats in [0, 1) and works as a source', () => {
    for (let i = 0; i < 100; i++) {
      const x = cryptoRandom();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(shuffle([1, 2, 3], cryptoRandom).sort()).toEqual([1, 2, 3]);
  });
});

function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}
