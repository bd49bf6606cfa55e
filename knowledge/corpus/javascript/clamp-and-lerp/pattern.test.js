import { describe, it, expect } from 'vitest';
import { clamp, lerp, inverseLerp, remap } from './pattern.js';

describe('clamp', () => {
  it('limits a value to the bounds, inclusive', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-3, 0, 10)).toBe(0);
    expect(clamp(42, 0, 10)).toBe(10);
    expect(clamp(10, 0, 10)).toBe(10);
    expect(clamp(7, 7, 7)).toBe(7);
    expect(clamp(-Infinity, -1, 1)).toBe(-1);
  });

  it('throws on swapped bounds and keeps NaN visible', () => {
    expect(() => clamp(5, 10, 0)).toThrow(RangeError);
    expect(clamp(NaN, 0, 1)).toBeNaN();
  });
});

describe('lerp and inverseLerp', () => {
  it('interpolates and hits the endpoints exactly', () => {
    expect(lerp(10, 20, 0)).toBe(10);
    expect(lerp(10, 20, 0.5)).toBe(15);
    expect(lerp(10, 20, 1)).toBe(20);
    expect(lerp(20, 10, 0.25)).toBe(17.5);
    // a + (b - a) * t gives 0.30000000000000004 here; lerp must return b itself.
    expect(lerp(-0.1, 0.3, 1)).toBe(0.3);
    expect(lerp(0, 10, 1.5)).toBe(15); // extrapolates
  });

  it('inverts lerp, and returns 0 for an empty range', () => {
    expect(inverseLerp(10, 20, 15)).toBe(0.5);
    expect(inverseLerp(20, 10, 15)).toBe(0.5);
    expect(inverseLerp(0, 10, 25)).toBe(2.5);
    expect(inverseLerp(5, 5, 5)).toBe(0);
    expect(inverseLerp(5, 5, 99)).toBe(0);
  });
});

describe('remap', () => {
  it('maps between ranges, including reversed ones', () => {
    expect(remap(512, 0, 1024, 0, 100)).toBe(50);
    expect(remap(0, -1, 1, 0, 255)).toBe(127.5);
    expect(remap(25, 0, 100, 1, 0)).toBe(0.75);
  });

  it('extrapolates unless clamped', () => {
    expect(remap(150, 0, 100, 0, 10)).toBe(15);
    expect(remap(150, 0, 100, 0, 10, { clamped: true })).toBe(10);
    expect(remap(-50, 0, 100, 0, 10, { clamped: true })).toBe(0);
  });
});
