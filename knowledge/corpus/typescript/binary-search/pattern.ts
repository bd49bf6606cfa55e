export type Compare<T> = (a: T, b: T) => number;

/** Ascending order for numbers, strings and bigints (not the default Array sort, which compares numbers as strings). */
export const ascending = <T extends number | string | bigint>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Index of the first element that is not less than `target`: where `target` would be
 * inserted to keep the array sorted, before any equal elements. Returns array.length
 * when every element is smaller. The array must be sorted by the same `compare`.
 */
export function lowerBound<T>(sorted: readonly T[], target: T, compare: Compare<T>): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid] as T, target) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element greater than `target` (insert after any equal elements). */
export function upperBound<T>(sorted: readonly T[], target: T, compare: Compare<T>): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid] as T, target) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element equal to `target`, or -1 if there is none. */
export function binarySearch<T>(sorted: readonly T[], target: T, compare: Compare<T>): number {
  const index = lowerBound(sorted, target, compare);
  return index < sorted.length && compare(sorted[index] as T, target) === 0 ? index : -1;
}

/** Inserts `item` in place, keeping the array sorted (after equal items, so insertion order is stable). */
export function insertSorted<T>(sorted: T[], item: T, compare: Compare<T>): number {
  const index = upperBound(sorted, item, compare);
  sorted.splice(index, 0, item);
  return index;
}

/** Elements `from <= x < to`, e.g. the events between two timestamps. */
export function rangeOf<T>(sorted: readonly T[], from: T, to: T, compare: Compare<T>): T[] {
  return sorted.slice(lowerBound(sorted, from, compare), lowerBound(sorted, to, compare));
}
