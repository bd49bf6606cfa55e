import { describe, expect, it } from 'vitest';
import { FileBm25, tokenize } from './file-bm25.ts';

describe('FileBm25', () => {
  it('tokenizes into lower-cased runs of letters and digits, without splitting identifiers', () => {
    expect(tokenize('addBusinessDays(date, 10) // Skip week-ends')).toEqual([
      'addbusinessdays',
      'date',
      '10',
      'skip',
      'week',
      'ends',
    ]);
  });

  it('ranks the file matching the rarer query term first (idf)', () => {
    const index = new FileBm25([
      { path: 'common.ts', text: 'date date other words here' },
      { path: 'rare.ts', text: 'weekend other words here now' },
      { path: 'a.ts', text: 'date filler text' },
      { path: 'b.ts', text: 'date more filler' },
    ]);
    // "weekend" is in one file, "date" in three: one weekend beats two dates in a file of the same length.
    const results = index.search('date weekend', 5);
    expect(results[0]?.path).toBe('rare.ts');
    expect(results.map((r) => r.path)).toContain('common.ts');
  });

  it('gives a term in every file a small but positive weight, and leaves non-matching files out', () => {
    const index = new FileBm25([
      { path: 'x.ts', text: 'shared alpha' },
      { path: 'y.ts', text: 'shared beta' },
    ]);
    const results = index.search('shared gamma', 5);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.score).toBeGreaterThan(0);
    expect(index.search('gamma', 5)).toEqual([]);
  });

  it('normalises by length: the same match in a shorter file scores higher, unless b is 0', () => {
    const files = [
      { path: 'long.ts', text: 'cache ' + 'padding '.repeat(50) },
      { path: 'short.ts', text: 'cache padding' },
      { path: 'other.ts', text: 'unrelated words' },
    ];
    expect(new FileBm25(files).search('cache', 2)[0]?.path).toBe('short.ts');
    const flat = new FileBm25(files, { b: 0 }).search('cache', 2);
    expect(flat[0]?.score).toBeCloseTo(flat[1]?.score ?? 0);
  });

  it('returns at most k results, best first', () => {
    const index = new FileBm25(
      Array.from({ length: 10 }, (_, i) => ({ path: `f${i}.ts`, text: `term ${'term '.repeat(i)}` })),
    );
    const results = index.search('term', 3);
    expect(results).toHaveLength(3);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
  });
});
