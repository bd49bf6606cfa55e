/**
 * Disjoint sets (union-find) over any keys: merge groups and ask whether two
 * items are connected in near-constant time, using path halving and union by size.
 * Keys are compared like Map keys, so objects match by reference.
 */
export class DisjointSet<T> {
  readonly #parent = new Map<T, T>();
  readonly #size = new Map<T, number>();
  #count = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  /** Number of separate groups. */
  get count(): number {
    return this.#count;
  }

  /** Adds an item as its own group; no-op if already present. */
  add(item: T): void {
    if (this.#parent.has(item)) return;
    this.#parent.set(item, item);
    this.#size.set(item, 1);
    this.#count += 1;
  }

  /** The representative of the item's group (unknown items are added first). */
  find(item: T): T {
    this.add(item);
    let current = item;
    for (let parent = this.#parent.get(current)!; parent !== current; parent = this.#parent.get(current)!) {
      const grandparent = this.#parent.get(parent)!;
      this.#parent.set(current, grandparent); // path halving keeps trees flat
      current = grandparent;
    }
    return current;
  }

  /** Merges the groups of `a` and `b`; returns false if they were already one group. */
  union(a: T, b: T): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return false;
    if (this.#size.get(rootA)! < this.#size.get(rootB)!) [rootA, rootB] = [rootB, rootA];
    this.#parent.set(rootB, rootA);
    this.#size.set(rootA, this.#size.get(rootA)! + this.#size.get(rootB)!);
    this.#size.delete(rootB);
    this.#count -= 1;
    return true;
  }

  connected(a: T, b: T): boolean {
    return this.find(a) === this.find(b);
  }

  /** Size of the group containing `item`. */
  sizeOf(item: T): number {
    return this.#size.get(this.find(item))!;
  }

  /** Every group as an array, in the order their first member was added. */
  groups(): T[][] {
    const byRoot = new Map<T, T[]>();
    for (const item of this.#parent.keys()) {
      const root = this.find(item);
      const group = byRoot.get(root);
      if (group) group.push(item);
      else byRoot.set(root, [item]);
    }
    return [...byRoot.values()];
  }
}
