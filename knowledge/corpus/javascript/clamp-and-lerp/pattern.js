/**
 * `value` limited to [min, max]. NaN stays NaN, so bad input is not hidden.
 * @param {number} value
 * @param {number} min
 * @param {number} max
 * @returns {number}
 */
export function clamp(value, min, max) {
  if (min > max) throw new RangeError(`clamp: min (${min}) is greater than max (${max})`);
  return Math.min(Math.max(value, min), max);
}

/**
 * The value a fraction `t` of the way from `a` to `b` (t = 0 gives a, t = 1 gives b).
 * t outside [0, 1] extrapolates; clamp t first if you need to stay between a and b.
 * @param {number} a
 * @param {number} b
 * @param {number} t
 * @returns {number}
 */
export function lerp(a, b, t) {
  // Not a + (b - a) * t, which can miss b by a rounding error when t is 1.
  return a * (1 - t) + b * t;
}

/**
 * Where `value` lies between `a` and `b`, as a fraction (the inverse of lerp).
 * Returns 0 when a === b, rather than NaN or Infinity.
 * @param {number} a
 * @param {number} b
 * @param {number} value
 * @returns {number}
 */
export function inverseLerp(a, b, value) {
  return a === b ? 0 : (value - a) / (b - a);
}

/**
 * Maps `value` from [inMin, inMax] to [outMin, outMax], e.g. a 0..1023 sensor
 * reading to 0..100 %. With `clamped`, results stay inside the output range.
 * @param {number} value
 * @param {number} inMin
 * @param {number} inMax
 * @param {number} outMin
 * @param {number} outMax
 * @param {{ clamped?: boolean }} [options]
 * @returns {number}
 */
export function remap(value, inMin, inMax, outMin, outMax, { clamped = false } = {}) {
  const t = inverseLerp(inMin, inMax, value);
  return lerp(outMin, outMax, clamped ? clamp(t, 0, 1) : t);
}
