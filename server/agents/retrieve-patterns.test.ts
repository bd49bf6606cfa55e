import { describe, expect, it } from 'vitest';
import type { RetrievedPattern } from '../../knowledge/retrieval/hybrid-retriever.ts';
import { relevanceModel } from '../../knowledge/retrieval/relevance-model.ts';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { retrievePatterns } from './retrieve-patterns.ts';

const result = (id: string, score: number, relevance: number): RetrievedPattern => ({
  pattern: patternFixture(id, { title: `Title of ${id}` }),
  score,
  sources: { vector: 0.3 },
  relevance,
});
const searching = (results: RetrievedPattern[], notices: string[] = []) => ({
  search: async () => ({ results, notices }),
});
const above = relevanceModel.threshold + 0.1;
const below = Math.max(0, relevanceModel.threshold - 0.1);

describe('retrievePatterns', () => {
  it('cites only the hits whose relevance reaches the threshold, in the search order, with their relevance', async () => {
    const retrieved = await retrievePatterns(
      searching([result('weak-first', 12, below), result('answers', 11, above), result('also', 10.5, above)]),
      'q',
      { k: 5 },
    );
    expect(retrieved.event.citations.map((citation) => citation.patternId)).toEqual(['answers', 'also']);
    expect(retrieved.event.citations[0]!.relevance).toBe(above);
    expect(retrieved.nothingRelevant).toBe(false);
    expect(retrieved.grounding.map((hit) => hit.pattern.id)).toEqual(['answers', 'also']);
    expect(retrieved.event.notice).toBeUndefined();
  });

  it('also cites a hit ranked after the first relevant one with nearly its score, never one ranked before it', async () => {
    const retrieved = await retrievePatterns(
      searching([
        result('tied-before', 12.5, below),
        result('leader', 12, above),
        result('sibling', 11.5, below),
        result('far', 6, below),
      ]),
      'q',
      { k: 5 },
    );
    expect(retrieved.event.citations.map((citation) => citation.patternId)).toEqual(['leader', 'sibling']);
  });

  it('cites nothing when no hit is relevant, and says so naming the closest one', async () => {
    const retrieved = await retrievePatterns(
      searching([result('closest', 9, below)], ['Vector search is slow.']),
      'q',
      {
        k: 5,
      },
    );
    expect(retrieved.event.citations).toEqual([]);
    expect(retrieved.grounding).toEqual([]);
    expect(retrieved.nothingRelevant).toBe(true);
    expect(retrieved.event.notice).toContain('Nothing in the pattern store is relevant enough to cite');
    expect(retrieved.event.notice).toContain('“Title of closest”');
    expect(retrieved.event.notice).toContain('Vector search is slow.');
  });

  it('does not claim the store has nothing when the search itself failed', async () => {
    const failing = {
      search: async () => {
        throw new Error('connection refused');
      },
    };
    const retrieved = await retrievePatterns(failing, 'q', { k: 5 });
    expect(retrieved.nothingRelevant).toBe(false);
    expect(retrieved.event.notice).toBe('The pattern store could not be searched: connection refused');
  });
});
