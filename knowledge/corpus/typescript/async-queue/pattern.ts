/**
 * An unbounded FIFO queue. Consumers waiting on an empty queue are served in arrival order,
 * and each item goes to exactly one consumer. After close(), buffered items are still delivered,
 * then every next() resolves with `done: true`.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #waiting: Array<(result: IteratorResult<T, undefined>) => void> = [];
  #closed = false;

  /** Items buffered and not yet taken. */
  get size(): number {
    return this.#items.length;
  }

  get closed(): boolean {
    return this.#closed;
  }

  push(item: T): void {
    if (this.#closed) throw new Error('push() after close()');
    const consumer = this.#waiting.shift();
    if (consumer) consumer({ value: item, done: false });
    else this.#items.push(item);
  }

  close(): void {
    this.#closed = true;
    for (const consumer of this.#waiting.splice(0)) consumer({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift() as T, done: false });
    if (this.#closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return { next: () => this.next() };
  }
}
