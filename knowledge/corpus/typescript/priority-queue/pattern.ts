/**
 * A binary min-heap: push and pop in O(log n), peek in O(1).
 * `compare(a, b) < 0` means `a` comes out first, as with Array.prototype.sort.
 * Items that compare equal come out in insertion order (a plain heap is not stable).
 */
export class PriorityQueue<T> {
  readonly #heap: Array<{ item: T; seq: number }> = [];
  #seq = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.#heap.length;
  }

  push(...items: T[]): void {
    for (const item of items) {
      this.#heap.push({ item, seq: this.#seq++ });
      this.#up(this.#heap.length - 1);
    }
  }

  peek(): T | undefined {
    return this.#heap[0]?.item;
  }

  /** Removes and returns the first item, or undefined when empty. */
  pop(): T | undefined {
    const top = this.#heap[0];
    const last = this.#heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.#heap.length > 0) {
      this.#heap[0] = last;
      this.#down(0);
    }
    return top.item;
  }

  #before(i: number, j: number): boolean {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    const order = this.compare(a.item, b.item);
    return order < 0 || (order === 0 && a.seq < b.seq);
  }

  #swap(i: number, j: number): void {
    [this.#heap[i], this.#heap[j]] = [this.#heap[j]!, this.#heap[i]!];
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const n = this.#heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < n && this.#before(left, best)) best = left;
      if (right < n && this.#before(right, best)) best = right;
      if (best === i) return;
      this.#swap(i, best);
      i = best;
    }
  }
}
