export type Sortable = string | number | bigint | boolean | Date | null | undefined;

/** A key: a getter (ascending), or a getter with a direction. */
export type SortKey<T> = ((item: T) => Sortable) | { by: (item: T) => Sortable; order: 'asc' | 'desc' };

// Natural order for strings ("file2" before "file10", accents next to their letter).
// A fixed locale keeps results the same on every machine; change it for your users.
const collator = new Intl.Collator('en', { numeric: true });

function compareValues(x: Sortable, y: Sortable, direction: 1 | -1): number {
  const xMissing = x === null || x === undefined;
  const yMissing = y === null || y === undefined;
  // null and undefined go last in both directions.
  if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
  if (typeof x === 'string' && typeof y === 'string') return direction * collator.compare(x, y);
  const a = x instanceof Date ? x.getTime() : x;
  const b = y instanceof Date ? y.getTime() : y;
  return direction * (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Builds a comparator for Array.prototype.sort that compares by each key in turn,
 * moving to the next key only on a tie.
 */
export function compareBy<T>(...keys: SortKey<T>[]): (a: T, b: T) => number {
  const specs = keys.map((key) =>
    typeof key === 'function' ? { by: key, direction: 1 as const } : { by: key.by, direction: key.order === 'desc' ? (-1 as const) : (1 as const) },
  );
  return (a, b) => {
    for (const { by, direction } of specs) {
      const result = compareValues(by(a), by(b), direction);
      if (result !== 0) return result;
    }
    return 0;
  };
}

/**
 * Returns a sorted copy (the input is not mutated, unlike Array.prototype.sort).
 * The sort is stable: items equal on every key keep their original order.
 */
export function sortBy<T>(items: readonly T[], ...keys: SortKey<T>[]): T[] {
  return items.toSorted(compareBy(...keys));
}
