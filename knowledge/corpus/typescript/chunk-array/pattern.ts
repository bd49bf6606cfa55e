/**
 * Splits items into consecutive arrays of `size`; the last chunk may be shorter.
 * Throws on a size that is not a positive integer (a size of 0 would loop forever).
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Runs `work` on one chunk at a time, waiting for each before starting the next
 * (e.g. bulk inserts limited to 1000 rows, or an API that accepts 100 ids per call).
 * Returns the results in chunk order; stops at the first rejection.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (batch: T[], batchIndex: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (const [index, batch] of chunk(items, size).entries()) results.push(await work(batch, index));
  return results;
}
