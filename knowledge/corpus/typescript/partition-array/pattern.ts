/**
 * Splits items into [matching, rest] in one pass, keeping order. With a type guard
 * the halves are narrowed: partition(values, isString) gives [string[], number[]].
 */
export function partition<T, S extends T>(items: Iterable<T>, predicate: (item: T, index: number) => item is S): [S[], Exclude<T, S>[]];
export function partition<T>(items: Iterable<T>, predicate: (item: T, index: number) => boolean): [T[], T[]];
export function partition<T>(items: Iterable<T>, predicate: (item: T, index: number) => boolean): [T[], T[]] {
  const pass: T[] = [];
  const fail: T[] = [];
  let index = 0;
  for (const item of items) (predicate(item, index++) ? pass : fail).push(item);
  return [pass, fail];
}

/**
 * Waits for every promise and separates successes from failures (built on
 * Promise.allSettled, so one rejection does not hide the others' results).
 */
export async function partitionSettled<T>(promises: Iterable<PromiseLike<T> | T>): Promise<[T[], unknown[]]> {
  const results = await Promise.allSettled(promises);
  const values: T[] = [];
  const errors: unknown[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') values.push(result.value);
    else errors.push(result.reason);
  }
  return [values, errors];
}
