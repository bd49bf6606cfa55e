/**
 * @template T, K
 * @typedef {keyof T | ((item: T, index: number) => K)} KeySelector
 */

/**
 * @template T, K
 * @param {T} item
 * @param {number} index
 * @param {KeySelector<T, K>} key
 * @returns {K}
 */
const keyOf = (item, index, key) =>
  typeof key === 'function' ? key(item, index) : /** @type {K} */ (item[key]);

/**
 * Builds a Map from each item's key to the item. `key` is a property name or a function.
 * Duplicate keys: 'last' (default) keeps the later item, 'first' keeps the earlier one,
 * 'throw' raises an Error naming the key.
 * @template T, K
 * @param {Iterable<T>} items
 * @param {KeySelector<T, K>} key
 * @param {{ onDuplicate?: 'last' | 'first' | 'throw' }} [options]
 * @returns {Map<K, T>}
 */
export function indexBy(items, key, { onDuplicate = 'last' } = {}) {
  /** @type {Map<K, T>} */
  const index = new Map();
  let i = 0;
  for (const item of items) {
    const k = keyOf(item, i++, key);
    if (index.has(k)) {
      if (onDuplicate === 'throw') throw new Error(`Duplicate key: ${String(k)}`);
      if (onDuplicate === 'first') continue;
    }
    index.set(k, item);
  }
  return index;
}

/**
 * Groups items into a Map from key to every item with that key, in input order.
 * (Node 21+ has Map.groupBy; this works on Node 20.)
 * @template T, K
 * @param {Iterable<T>} items
 * @param {KeySelector<T, K>} key
 * @returns {Map<K, T[]>}
 */
export function groupBy(items, key) {
  /** @type {Map<K, T[]>} */
  const groups = new Map();
  let i = 0;
  for (const item of items) {
    const k = keyOf(item, i++, key);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
