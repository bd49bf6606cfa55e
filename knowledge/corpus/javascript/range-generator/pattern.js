/**
 * @param {number} from
 * @param {number} to
 * @param {number} step
 */
function* count(from, to, step) {
  // Multiplying instead of adding step repeatedly keeps 0.1 steps from drifting.
  for (let i = 0; ; i++) {
    const value = from + i * step;
    if (step > 0 ? value >= to : value <= to) return;
    yield value;
  }
}

/**
 * Yields start, start + step, … while before `end` (exclusive), like Python's range.
 * range(n) counts 0…n-1; a negative step counts down; end may be ±Infinity
 * (then never spread it, stop with break or take).
 * Bad arguments throw at the call, not later on the first next() as a plain generator would.
 * @overload
 * @param {number} end
 * @returns {Generator<number, void, undefined>}
 */
/**
 * @overload
 * @param {number} start
 * @param {number} end
 * @param {number} [step]
 * @returns {Generator<number, void, undefined>}
 */
/**
 * @param {number} startOrEnd
 * @param {number} [end]
 * @param {number} [step]
 * @returns {Generator<number, void, undefined>}
 */
export function range(startOrEnd, end, step = 1) {
  const [from, to] = end === undefined ? [0, startOrEnd] : [startOrEnd, end];
  if (step === 0 || !Number.isFinite(step)) throw new RangeError(`step must be a finite non-zero number, got ${step}`);
  if (!Number.isFinite(from) || Number.isNaN(to)) throw new RangeError('start must be finite and end a number');
  return count(from, to, step);
}

/**
 * The first `n` values of any iterable, lazily; the way to consume an infinite range.
 * @template T
 * @param {Iterable<T>} iterable
 * @param {number} n
 * @returns {Generator<T, void, undefined>}
 */
export function* take(iterable, n) {
  if (n <= 0) return;
  let taken = 0;
  for (const value of iterable) {
    yield value;
    if (++taken >= n) return;
  }
}
