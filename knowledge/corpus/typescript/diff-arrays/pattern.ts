export interface ArrayDiff<T> {
  /** In `after` but not in `before`, in `after` order. */
  added: T[];
  /** In `before` but not in `after`, in `before` order. */
  removed: T[];
  /** Same key in both, but `equals` says the content changed. */
  changed: Array<{ before: T; after: T }>;
  /** Same key in both and equal, in `after` order. */
  unchanged: T[];
}

/**
 * Compares two lists by key in O(n), e.g. rows in the database against rows in a
 * sync payload. Items match by `keyOf` (default: the item itself, compared like Map
 * keys, so objects match by reference: pass a key function for records), then
 * `equals` (default Object.is) decides changed vs unchanged.
 * Duplicate keys pair off one by one, so [1, 1, 2] -> [1, 2] removes one 1.
 * Position is ignored: a moved item counts as unchanged.
 */
export function diffArrays<T, K = T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => K = (item) => item as unknown as K,
  equals: (a: T, b: T) => boolean = Object.is,
): ArrayDiff<T> {
  const waiting = new Map<K, number[]>(); // key -> indexes into `before` not yet matched
  before.forEach((item, index) => {
    const key = keyOf(item);
    const indexes = waiting.get(key);
    if (indexes) indexes.push(index);
    else waiting.set(key, [index]);
  });

  const diff: ArrayDiff<T> = { added: [], removed: [], changed: [], unchanged: [] };
  const matched = new Set<number>();
  for (const item of after) {
    const index = waiting.get(keyOf(item))?.shift();
    if (index === undefined) {
      diff.added.push(item);
      continue;
    }
    matched.add(index);
    const previous = before[index] as T;
    if (equals(previous, item)) diff.unchanged.push(item);
    else diff.changed.push({ before: previous, after: item });
  }
  diff.removed = before.filter((_, index) => !matched.has(index));
  return diff;
}
