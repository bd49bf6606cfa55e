/**
 * Yields values from all `sources` in the order they arrive. Rethrows the first source error.
 * On error or early exit, closes every source that has not finished.
 */
export async function* mergeAsyncIterables<T>(...sources: AsyncIterable<T>[]): AsyncGenerator<T, void, undefined> {
  const iterators = sources.map((source) => source[Symbol.asyncIterator]());
  const open = new Set(iterators.keys());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const pull = (index: number) => {
    const iterator = iterators[index]!;
    pending.set(index, iterator.next().then((result) => ({ index, result })));
  };

  try {
    for (const index of open) pull(index);
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      pending.delete(index);
      if (result.done) {
        open.delete(index);
      } else {
        yield result.value;
        pull(index); // ask this source for its next value only after ours was consumed
      }
    }
  } finally {
    // Not awaited: a source stuck in a pending next() would otherwise hang the consumer.
    for (const index of open) void Promise.resolve(iterators[index]!.return?.()).catch(() => {});
  }
}
