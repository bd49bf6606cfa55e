/**
 * Groups items by a computed key into a Map, keeping first-seen key order and the
 * items' original order within each group. Keys compare like Map keys (SameValueZero),
 * so Date or object keys group by reference: return a string or number instead.
 * Node 20 has no Object.groupBy / Map.groupBy (they arrived in Node 21).
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Same as groupBy, as a plain object for JSON output. The object has a null
 * prototype, so keys like "constructor" or "__proto__" are safe.
 */
export function groupByToRecord<T, K extends PropertyKey>(
  items: Iterable<T>,
  keyOf: (item: T, index: number) => K,
): Partial<Record<K, T[]>> {
  const record = Object.create(null) as Partial<Record<K, T[]>>;
  for (const [key, group] of groupBy(items, keyOf)) record[key] = group;
  return record;
}

/** Counts items per key. */
export function countBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
