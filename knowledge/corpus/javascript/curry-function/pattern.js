/**
 * Returns a curried version of `fn`: it collects arguments over one or more calls
 * and calls `fn` once at least `arity` have arrived (extra arguments are passed on).
 * `arity` defaults to fn.length, which does not count default or rest parameters.
 * A call with no arguments just returns an equivalent partial function.
 * @param {(...args: any[]) => any} fn
 * @param {number} [arity]
 * @returns {(...args: any[]) => any}
 */
export function curry(fn, arity = fn.length) {
  if (!Number.isInteger(arity) || arity < 0) throw new RangeError(`Invalid arity: ${arity}`);
  /** @param {any[]} collected */
  const collect = (collected) =>
    /** @this {unknown} @param {...any} args */
    function curried(...args) {
      const all = [...collected, ...args];
      // A fresh array per call, so reusing a partial never leaks arguments between calls.
      return all.length >= arity ? fn.apply(this, all) : collect(all);
    };
  return collect([]);
}

/**
 * Presets leading arguments without currying: partial(f, a)(b, c) === f(a, b, c).
 * @template {any[]} Preset
 * @template {any[]} Rest
 * @template R
 * @param {(...args: [...Preset, ...Rest]) => R} fn
 * @param {Preset} preset
 * @returns {(...rest: Rest) => R}
 */
export function partial(fn, ...preset) {
  /** @this {unknown} @param {Rest} rest */
  return function partiallyApplied(...rest) {
    return fn.apply(this, [...preset, ...rest]);
  };
}
