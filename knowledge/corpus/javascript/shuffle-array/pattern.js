import { randomInt } from 'node:crypto';

/** @typedef {() => number} RandomSource returns a float in [0, 1), like Math.random */

/** A RandomSource backed by node:crypto, for draws that must be unpredictable. */
export const cryptoRandom = () => randomInt(2 ** 47) / 2 ** 47; // randomInt allows a range of at most 2 ** 48 - 1

/**
 * Shuffles `array` in place, uniformly (Fisher-Yates), and returns it.
 * @template T
 * @param {T[]} array
 * @param {RandomSource} [random]
 * @returns {T[]}
 */
export function shuffleInPlace(array, random = Math.random) {
  for (let i = array.length - 1; i > 0; i--) {
    // Pick from the not-yet-placed prefix [0, i], including i itself: leaving i out
    // (Sattolo's algorithm) or picking from the whole array would bias the result.
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [/** @type {T} */ (array[j]), /** @type {T} */ (array[i])];
  }
  return array;
}

/**
 * A shuffled copy of `items`; the input is not changed.
 * @template T
 * @param {Iterable<T>} items
 * @param {RandomSource} [random]
 * @returns {T[]}
 */
export function shuffle(items, random = Math.random) {
  return shuffleInPlace([...items], random);
}

/**
 * `count` distinct items picked at random (all of them, shuffled, if count >= length).
 * @template T
 * @param {Iterable<T>} items
 * @param {number} count
 * @param {RandomSource} [random]
 * @returns {T[]}
 */
export function sample(items, count, random = Math.random) {
  const copy = [...items];
  const n = Math.min(Math.max(0, Math.floor(count)), copy.length);
  // A partial Fisher-Yates: only the first n positions need to be settled.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [/** @type {T} */ (copy[j]), /** @type {T} */ (copy[i])];
  }
  return copy.slice(0, n);
}
