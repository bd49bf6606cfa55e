/**
 * A fixed-size FIFO buffer: when full, push overwrites the oldest item.
 * Use it to keep "the last N" of something (log lines, samples) in constant memory.
 */
export class RingBuffer<T> {
  readonly #items: Array<T | undefined>;
  #start = 0;
  #length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#length;
  }

  get isFull(): boolean {
    return this.#length === this.capacity;
  }

  /** Appends an item; returns the item it overwrote, if the buffer was full. */
  push(item: T): T | undefined {
    const end = (this.#start + this.#length) % this.capacity;
    if (this.isFull) {
      const dropped = this.#items[end];
      this.#items[end] = item;
      this.#start = (this.#start + 1) % this.capacity;
      return dropped;
    }
    this.#items[end] = item;
    this.#length += 1;
    return undefined;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const item = this.#items[this.#start];
    this.#items[this.#start] = undefined; // release the reference for the GC
    this.#start = (this.#start + 1) % this.capacity;
    this.#length -= 1;
    return item;
  }

  /** The item at `index` from the oldest (0); negative indexes count from the newest (-1). */
  at(index: number): T | undefined {
    const i = index < 0 ? this.#length + index : index;
    if (!Number.isInteger(i) || i < 0 || i >= this.#length) return undefined;
    return this.#items[(this.#start + i) % this.capacity];
  }

  clear(): void {
    this.#items.fill(undefined);
    this.#start = 0;
    this.#length = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#length; i++) yield this.#items[(this.#start + i) % this.capacity] as T;
  }

  toArray(): T[] {
    return [...this];
  }
}
