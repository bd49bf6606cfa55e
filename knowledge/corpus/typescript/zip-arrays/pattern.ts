type Columns = readonly (readonly unknown[])[];
type Row<T extends Columns> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U : never };
type LongRow<T extends Columns> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U | undefined : never };

/**
 * Pairs up items by position: zip([1, 2], ['a', 'b']) -> [[1, 'a'], [2, 'b']].
 * Stops at the shortest array, silently dropping the extra items of longer ones;
 * use zipLongest when a length mismatch matters.
 */
export function zip<T extends Columns>(...arrays: T): Row<T>[] {
  const length = arrays.length === 0 ? 0 : Math.min(...arrays.map((array) => array.length));
  return Array.from({ length }, (_, i) => arrays.map((array) => array[i]) as Row<T>);
}

/** Like zip, but runs to the longest array and fills the gaps with undefined. */
export function zipLongest<T extends Columns>(...arrays: T): LongRow<T>[] {
  const length = Math.max(0, ...arrays.map((array) => array.length));
  return Array.from({ length }, (_, i) => arrays.map((array) => array[i]) as LongRow<T>);
}

/** Like zip, but throws when the lengths differ (e.g. ids and rows that must line up). */
export function zipStrict<T extends Columns>(...arrays: T): Row<T>[] {
  const lengths = new Set(arrays.map((array) => array.length));
  if (lengths.size > 1) throw new RangeError(`zipStrict: arrays have different lengths (${arrays.map((a) => a.length).join(', ')})`);
  return zip(...arrays);
}

/** Builds an object from parallel key and value arrays (stops at the shorter one). */
export function zipObject<K extends PropertyKey, V>(keys: readonly K[], values: readonly V[]): Record<K, V> {
  return Object.fromEntries(zip(keys, values)) as Record<K, V>;
}

/** The inverse of zip: turns rows back into columns. */
export function unzip<T extends unknown[]>(rows: readonly T[], width = rows[0]?.length ?? 0): { [K in keyof T]: T[K][] } {
  return Array.from({ length: width }, (_, column) => rows.map((row) => row[column])) as { [K in keyof T]: T[K][] };
}
