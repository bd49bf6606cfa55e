/**
 * @template T
 * @typedef {keyof T | ((item: T, index: number) => number)} NumberSelector
 */

/**
 * @template T
 * @param {T} item
 * @param {number} index
 * @param {NumberSelector<T>} by
 * @returns {number}
 */
function valueOf(item, index, by) {
  const value = typeof by === 'function' ? by(item, index) : item[by];
  // Guards against '12' + 3 === '123' and undefined turning the total into NaN.
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new TypeError(`Item ${index} has a non-numeric value: ${String(value)}`);
  }
  return value;
}

/**
 * Sum of the selected number of each item; 0 for no items.
 * @template T
 * @param {Iterable<T>} items
 * @param {NumberSelector<T>} by property name or selector
 * @returns {number}
 */
export function sumBy(items, by) {
  let total = 0;
  let index = 0;
  for (const item of items) total += valueOf(item, index++, by);
  return total;
}

/**
 * Arithmetic mean of the selected number of each item; undefined for no items.
 * @template T
 * @param {Iterable<T>} items
 * @param {NumberSelector<T>} by property name or selector
 * @returns {number | undefined}
 */
export function averageBy(items, by) {
  let total = 0;
  let count = 0;
  for (const item of items) total += valueOf(item, count++, by);
  return count === 0 ? undefined : total / count;
}
