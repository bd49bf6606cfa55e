interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

const node = (): TrieNode => ({ children: new Map(), end: false });

/**
 * A prefix tree of words, for autocomplete: finding every word that starts with
 * a prefix costs the prefix length plus the size of the answer, not the whole list.
 * Keys are matched exactly; normalise case (e.g. toLowerCase()) before insert and search.
 */
export class Trie {
  readonly #root = node();
  #size = 0;

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.insert(word);
  }

  get size(): number {
    return this.#size;
  }

  insert(word: string): void {
    let current = this.#root;
    for (const char of word) {
      let next = current.children.get(char);
      if (!next) current.children.set(char, (next = node()));
      current = next;
    }
    if (!current.end) this.#size += 1;
    current.end = true;
  }

  has(word: string): boolean {
    return this.#find(word)?.end ?? false;
  }

  /** Words starting with `prefix`, sorted as the default string sort would, at most `limit` of them. */
  withPrefix(prefix: string, limit = Infinity): string[] {
    const results: string[] = [];
    const start = this.#find(prefix);
    // Depth-first with sorted children yields words in order, so `limit` can stop early.
    const visit = (current: TrieNode, word: string): void => {
      if (results.length >= limit) return;
      if (current.end) results.push(word);
      const chars = [...current.children.keys()].sort();
      for (const char of chars) visit(current.children.get(char)!, word + char);
    };
    if (start) visit(start, prefix);
    return results;
  }

  #find(prefix: string): TrieNode | undefined {
    let current: TrieNode | undefined = this.#root;
    for (const char of prefix) {
      current = current.children.get(char);
      if (!current) return undefined;
    }
    return current;
  }
}
