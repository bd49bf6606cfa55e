/**
 * Folds `items` with an async reducer, one item at a time: the reducer for item i
 * starts only after the one for item i-1 has settled. Rejects on the first failure,
 * without calling the reducer for the remaining items.
 * @template T, A
 * @param {Iterable<T> | AsyncIterable<T>} items
 * @param {(accumulator: A, item: T, index: number) => A | Promise<A>} reducer
 * @param {A} initial
 * @returns {Promise<A>}
 */
export async function reduceAsync(items, reducer, initial) {
  let accumulator = initial;
  let index = 0;
  for await (const item of items) {
    accumulator = await reducer(accumulator, item, index++);
  }
  return accumulator;
}

/**
 * Maps `items` through an async function one at a time; results keep input order.
 * For bounded parallelism use a concurrency limiter instead; for full parallelism, Promise.all.
 * @template T, R
 * @param {Iterable<T> | AsyncIterable<T>} items
 * @param {(item: T, index: number) => R | Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export async function mapSeries(items, fn) {
  /** @type {R[]} */
  const results = [];
  let index = 0;
  for await (const item of items) {
    results.push(await fn(item, index++));
  }
  return results;
}
