/**
 * Calls `fn` for every item with at most `concurrency` calls running at once and resolves
 * with the results in input order. Rejects with the first error; no new items start after it.
 */
export async function mapWithConcurrency<T, R>(
  items: Iterable<T>,
  concurrency: number,
  fn: (item: T, index: number) => Promise<R> | R,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const list = Array.from(items);
  const results = new Array<R>(list.length);
  let next = 0;
  let failed = false;

  // N workers pull the next index from a shared counter, so a slow item never blocks the others.
  const worker = async () => {
    while (!failed && next < list.length) {
      const index = next++;
      try {
        results[index] = await fn(list[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
  return results;
}
