import { describe, it, expect, vi } from 'vitest';
import { curry, partial } from './pattern.js';

const volume = (l, w, h) => l * w * h;

describe('curry', () => {
  it('accepts the arguments in any grouping', () => {
    const v = curry(volume);
    expect(v(2)(3)(4)).toBe(24);
    expect(v(2, 3)(4)).toBe(24);
    expect(v(2)(3, 4)).toBe(24);
    expect(v(2, 3, 4)).toBe(24);
  });

  it('reuses a partial application without leaking arguments', () => {
    const spy = vi.fn(volume);
    const base = curry(spy)(10);
    expect(base(1)(1)).toBe(10);
    expect(base(2)(3)).toBe(60);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith(10, 2, 3);
  });

  it('does not call fn until enough arguments, and ignores empty calls', () => {
    const spy = vi.fn(volume);
    const v = curry(spy);
    const waiting = v()(1)()(2);
    expect(spy).not.toHaveBeenCalled();
    expect(waiting(3)).toBe(6);
  });

  it('needs an explicit arity for default or rest parameters', () => {
    const greet = (greeting, name = 'you') => `${greeting}, ${name}`;
    expect(greet.length).toBe(1);
    expect(curry(greet)('Hi')).toBe('Hi, you'); // called at once: arity 1
    expect(curry(greet, 2)('Hi')('Ada')).toBe('Hi, Ada');
    const sum = (...xs) => xs.reduce((a, b) => a + b, 0);
    expect(curry(sum, 3)(1)(2)(3, 4)).toBe(10); // extra arguments passed on
    expect(() => curry(sum, -1)).toThrow(RangeError);
  });

  it('works as a map callback once partially applied', () => {
    const multiply = curry((a, b) => a * b);
    expect([1, 2, 3].map(multiply(10))).toEqual([10, 20, 30]);
  });
});

describe('partial', () => {
  it('presets leading arguments', () => {
    const box = partial(volume, 2, 5);
    expect(box(3)).toBe(30);
    expect(box(1)).toBe(10);
    expect(partial(volume)(1, 2, 3)).toBe(6);
  });
});
