import { describe, it, expect, vi } from 'vitest';
import { pipe, compose, pipeAsync } from './pattern.js';

const inc = (x) => x + 1;
const double = (x) => x * 2;
const square = (x) => x * x;

describe('pipe and compose', () => {
  it('pipe runs left to right, compose right to left', () => {
    expect(pipe(inc, double, square)(3)).toBe(64); // ((3+1)*2)^2
    expect(compose(inc, double, square)(3)).toBe(19); // (3^2)*2+1
  });

  it('passes every argument to the first function only', () => {
    const add = (a, b) => a + b;
    const spy = vi.fn(double);
    expect(pipe(add, spy)(2, 5)).toBe(14);
    expect(spy).toHaveBeenCalledWith(7);
    expect(compose(spy, add)(1, 1)).toBe(4);
  });

  it('is the identity with no functions and a single function unchanged', () => {
    expect(pipe()(42)).toBe(42);
    expect(compose()('x')).toBe('x');
    expect(pipe(double)(5)).toBe(10);
  });

  it('rejects non-functions when building, not when calling', () => {
    expect(() => pipe(inc, null)).toThrow(TypeError);
    expect(() => compose(inc, 'nope')).toThrow('is not a function');
  });

  it('keeps this for method use', () => {
    const counter = { step: 10, run: pipe(function (x) { return x + this.step; }, inc) };
    expect(counter.run(1)).toBe(12);
  });
});

describe('pipeAsync', () => {
  it('awaits each step in order, mixing sync and async', async () => {
    const order = [];
    const slow = async (x) => { await new Promise((r) => setTimeout(r, 5)); order.push('slow'); return x + 1; };
    const fast = (x) => { order.push('fast'); return x * 10; };
    await expect(pipeAsync(slow, fast)(1)).resolves.toBe(20);
    expect(order).toEqual(['slow', 'fast']);
  });

  it('stops at the first rejection', async () => {
    const after = vi.fn();
    const fail = async () => { throw new Error('boom'); };
    await expect(pipeAsync(inc, fail, after)(1)).rejects.toThrow('boom');
    expect(after).not.toHaveBeenCalled();
    await expect(pipeAsync()(7)).resolves.toBe(7);
  });
});
