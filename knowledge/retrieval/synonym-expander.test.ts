import { describe, expect, it } from 'vitest';
import { SynonymExpander } from './synonym-expander.ts';

describe('SynonymExpander', () => {
  it('adds one-word synonyms of plain words and word pairs, never the question’s own words', () => {
    const expanded = new SynonymExpander().expand('the nearest working day to closestIndexTo');
    expect(expanded).toEqual(expect.arrayContaining(['closest', 'workday']));
    expect(expanded).not.toContain('nearest');
    expect(expanded).not.toContain('the');
    expect(expanded.some((word) => /[_-]/.test(word))).toBe(false);
  });
});
