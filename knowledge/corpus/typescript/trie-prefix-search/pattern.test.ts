import { describe, it, expect } from 'vitest';
import { Trie } from './pattern.ts';

describe('Trie', () => {
  const trie = new Trie(['car', 'cart', 'carbon', 'care', 'cat', 'dog', 'car']);

  it('finds every word with a prefix, sorted', () => {
    expect(trie.withPrefix('car')).toEqual(['car', 'carbon', 'care', 'cart']);
    expect(trie.withPrefix('ca')).toEqual(['car', 'carbon', 'care', 'cart', 'cat']);
  });

  it('stops at the limit, keeping the first words in order', () => {
    expect(trie.withPrefix('ca', 2)).toEqual(['car', 'carbon']);
    expect(trie.withPrefix('ca', 0)).toEqual([]);
  });

  it('returns nothing for an unknown prefix and everything for an empty one', () => {
    expect(trie.withPrefix('x')).toEqual([]);
    expect(trie.withPrefix('cats')).toEqual([]);
    expect(trie.withPrefix('')).toHaveLength(6);
  });

  it('distinguishes whole words from prefixes and counts duplicates once', () => {
    expect(trie.has('car')).toBe(true);
    expect(trie.has('ca')).toBe(false);
    expect(trie.has('')).toBe(false);
    expect(trie.size).toBe(6);
  });

  it('handles characters outside the BMP and is case-sensitive', () => {
    const emoji = new Trie(['🍕pizza', '🍕pasta', 'Pizza']);
    expect(emoji.withPrefix('🍕p')).toEqual(['🍕pasta', '🍕pizza']);
    expect(emoji.withPrefix('p')).toEqual([]);
  });
});
