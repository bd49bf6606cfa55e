/**
 * Removes items whose key was already seen, in one O(n) pass. Keys compare like Set
 * members (SameValueZero: NaN equals NaN; objects and Dates by reference), so
 * return a primitive such as an id, an email, or `${a}|${b}` for a compound key.
 * keep: 'first' keeps the earliest item per key, 'last' the latest (e.g. newest
 * event wins); either way the survivors stay in their original relative order.
 */
export function uniqueBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K, keep: 'first' | 'last' = 'first'): T[] {
  if (keep === 'last') {
    const latest = new Map<K, T>();
    for (const item of items) {
      const key = keyOf(item);
      latest.delete(key); // re-inserting moves the key to its latest position
      latest.set(key, item);
    }
    return [...latest.values()];
  }
  const seen = new Set<K>();
  const result: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}

/** Keys that occur more than once, each listed once, in order of their second occurrence. */
export function duplicateKeys<T, K>(items: Iterable<T>, keyOf: (item: T) => K): K[] {
  const seen = new Set<K>();
  const duplicates = new Set<K>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) duplicates.add(key);
    else seen.add(key);
  }
  return [...duplicates];
}
