import { describe, expect, it } from 'vitest';
import { fitDocumentFrequencies } from '../embedding/local-embedder.ts';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { relevanceFromFeatures, RelevanceScorer, type ScoredHit } from './relevance-scorer.ts';
import { technologiesNamedIn } from './named-technologies.ts';

const jsonb = patternFixture('sql-query-jsonb-fields', {
  title: 'Query fields inside a jsonb column',
  summary: 'Read and filter values stored in a Postgres jsonb column with ->> and casts.',
  language: 'sql',
  tags: ['postgres', 'json'],
  code: "SELECT data->>'name' FROM events WHERE (data->>'amount')::numeric > 10;",
});
const semaphore = patternFixture('ts-semaphore', {
  title: 'Limit concurrent async work with a semaphore',
  summary: 'At most n promises run at once; the rest wait their turn.',
  tags: ['async', 'concurrency'],
});
const scorer = new RelevanceScorer(
  fitDocumentFrequencies([
    'query fields inside a jsonb column postgres json read filter values',
    'limit concurrent async work with a semaphore promises wait turn',
    'debounce a function wait until calls stop',
  ]),
);
const hit = (pattern: ScoredHit['pattern'], score: number, sources: ScoredHit['sources']): ScoredHit => ({
  pattern,
  score,
  sources,
});

describe('RelevanceScorer', () => {
  it('measures how much of the question a pattern covers, rare words weighing more', () => {
    const [features] = scorer.features('filter values inside a jsonb column', [
      hit(jsonb, 10, { vector: 0.4, text: 0.8 }),
    ]);
    expect(features!.coverage).toBeGreaterThan(0.5);
    expect(features!.unknownWords).toBe(0);
    const [unrelated] = scorer.features('filter values inside a jsonb column', [hit(semaphore, 10, { vector: 0.1 })]);
    expect(unrelated!.coverage).toBeLessThan(features!.coverage);
  });

  it('notes a technology the pattern never mentions, a language it is not in, and words the store never saw', () => {
    const [mysql] = scorer.features('read a value out of a JSON column in MySQL with JSON_EXTRACT', [
      hit(jsonb, 10, { vector: 0.4, text: 0.8 }),
    ]);
    expect(mysql!.technologyMissing).toBe(1);
    expect(mysql!.technologyUnknown).toBe(1);
    expect(mysql!.unknownWords).toBeGreaterThan(0);
    const [python] = scorer.features('limit concurrent work in python', [hit(semaphore, 10, { vector: 0.5 })]);
    expect(python!.languageConflict).toBe(1);
    const [typescript] = scorer.features('limit concurrent work in TypeScript', [hit(semaphore, 10, { vector: 0.5 })]);
    expect(typescript!.languageConflict).toBe(0);
  });

  it('judges a hit against the best other hit of its search: a clear winner leads, a flat pack does not', () => {
    const [clear] = scorer.features('q', [hit(jsonb, 12, { vector: 0.6 }), hit(semaphore, 4, { vector: 0.1 })]);
    const [flat] = scorer.features('q', [hit(jsonb, 5, { vector: 0.2 }), hit(semaphore, 4.9, { vector: 0.19 })]);
    expect(clear!.lead).toBeGreaterThan(flat!.lead);
    expect(clear!.vectorLead).toBeCloseTo(0.5);
    expect(clear!.first).toBe(1);
  });

  it('gives the pattern that answers a higher relevance than a near miss sharing its words, each within 0–1', () => {
    const question = 'how do I filter on a number stored in a postgres jsonb column?';
    const [answer, miss] = scorer.relevanceOf(question, [
      hit(jsonb, 12, { vector: 0.45, text: 1.1 }),
      hit(semaphore, 5, { vector: 0.08 }),
    ]);
    expect(answer).toBeGreaterThan(miss!);
    for (const value of [answer!, miss!]) expect(value).toBeGreaterThanOrEqual(0);
    expect(answer).toBeLessThanOrEqual(1);
    const [mysql] = scorer.relevanceOf('read a value out of a JSON column in MySQL with JSON_EXTRACT', [
      hit(jsonb, 12, { vector: 0.45, text: 1.1 }),
      hit(semaphore, 5, { vector: 0.08 }),
    ]);
    expect(mysql).toBeLessThan(answer!);
  });

  it('scores only the first hits asked for, each still judged against every hit', () => {
    const hits = [hit(jsonb, 10, { vector: 0.4 }), hit(semaphore, 9, { vector: 0.5 })];
    const all = scorer.relevanceOf('filter values inside a jsonb column', hits);
    expect(scorer.relevanceOf('filter values inside a jsonb column', hits, 1)).toEqual([all[0]]);
    // The second hit's higher cosine counts against the first, though the second is not scored.
    expect(scorer.features('q', hits, 1)[0]!.vectorLead).toBeCloseTo(-0.1);
  });

  it('is a logistic function of the features', () => {
    const [features] = scorer.features('q', [hit(jsonb, 1, {})]);
    const low = relevanceFromFeatures({ ...features!, vector: 0 });
    const high = relevanceFromFeatures({ ...features!, vector: 1 });
    expect(high).toBeGreaterThan(low);
  });
});

describe('technologiesNamedIn', () => {
  it('finds languages, databases and tools by name, "Go" only capitalised', () => {
    expect(technologiesNamedIn('JSON in MySQL; C# or C++ on .NET with Next.js, then git push')).toEqual([
      'mysql',
      'c#',
      'c++',
      '.net',
      'next.js',
      'git',
    ]);
    expect(technologiesNamedIn('a Go web service')).toEqual(['golang']);
    expect(technologiesNamedIn('wait until things go quiet')).toEqual([]);
    expect(technologiesNamedIn('gitignore and algorithms')).toEqual([]);
  });
});
