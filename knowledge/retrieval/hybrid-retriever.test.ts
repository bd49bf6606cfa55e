import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LocalEmbedder } from '../embedding/local-embedder.ts';
import type { GraphStore, Neighbour } from '../graph/graph-store.ts';
import type { Pattern } from '../patterns/pattern.ts';
import { InMemoryVectorIndex } from '../vector/in-memory-vector-index.ts';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { HybridRetriever, type RetrieverOptions } from './hybrid-retriever.ts';

const pattern = (id: string, stats: Partial<Pattern['stats']> = {}): Pattern =>
  patternFixture(id, {
    title: id,
    summary: id,
    stats: { uses: 0, successes: 0, failures: 0, lastVerifiedAt: null, feedbackUp: 0, feedbackDown: 0, ...stats },
  });

/** A retriever over twins: `vector` and `text` give each source's ranked ids, `related` the graph's edges. */
function retriever(options: {
  vector?: string[] | Error;
  text?: string[] | Error;
  related?: [from: string, to: string][];
  stats?: Record<string, Partial<Pattern['stats']>>;
  /** Patterns an admin retired. */
  retired?: string[];
  /** Source file of each pattern (by default, one file each). */
  files?: Record<string, string>;
  /** Fusion settings; by default rank alone counts (the scores' own weights are 0). */
  tuning?: RetrieverOptions;
}) {
  const embedder = new LocalEmbedder(8);
  const vectors = new InMemoryVectorIndex();
  const all = new Set([
    ...(Array.isArray(options.vector) ? options.vector : []),
    ...(Array.isArray(options.text) ? options.text : []),
    ...(options.related ?? []).flat(),
  ]);
  const graph: GraphStore = {
    write: async () => {},
    remove: async () => {},
    neighbours: async (ids) =>
      (options.related ?? []).flatMap(([from, to]): Neighbour[] =>
        ids.includes(`pattern:${from}`)
          ? [
              {
                origin: `pattern:${from}`,
                edge: 'RELATED_TO',
                direction: 'out',
                node: { id: `pattern:${to}`, kind: 'Pattern', properties: {} },
              },
            ]
          : [],
      ),
  };
  return new HybridRetriever(
    {
      embedder,
      graph,
      log: pino({ level: 'silent' }),
      vectors: async () => {
        if (options.vector instanceof Error) throw options.vector;
        const ranked = options.vector ?? [];
        return {
          ...vectors,
          query: async () => ranked.map((id, index) => ({ id, score: 0.9 - index * 0.1 })),
        } as unknown as InMemoryVectorIndex;
      },
      patterns: {
        searchText: async () => {
          if (options.text instanceof Error) throw options.text;
          return { hits: (options.text ?? []).map((id, index) => ({ id, score: 1 / (index + 1) })), widened: [] };
        },
        findByIds: async (ids) =>
          ids
            .filter((id) => all.has(id))
            .map((id) => ({
              ...pattern(id, options.stats?.[id]),
              status: options.retired?.includes(id) ? ('retired' as const) : ('active' as const),
              source: { kind: 'ingest' as const, path: options.files?.[id] ?? `${id}.ts` },
            })),
        retiredIds: async () => new Set(options.retired ?? []),
      },
    },
    { graphShare: 0.5, textWeight: 1, vectorScoreWeight: 0, textScoreWeight: 0, ...options.tuning },
  );
}

const ids = (result: Awaited<ReturnType<HybridRetriever['search']>>) => result.results.map((item) => item.pattern.id);

describe('HybridRetriever', () => {
  it("ranks what both sources agree on first, with each source's score", async () => {
    const result = await retriever({ vector: ['a', 'b', 'c'], text: ['c', 'd', 'a'] }).search('q', { k: 4 });
    expect(ids(result)[0]).toBe('a');
    expect(ids(result).slice(0, 2).sort()).toEqual(['a', 'c']);
    expect(result.results[0]!.sources).toEqual({ vector: 0.9, text: expect.any(Number) });
    expect(result.notices).toEqual([]);
  });

  it('lets a clear lead in score decide what rank alone would leave to the other list', async () => {
    // a is first for vectors by a hair, b first for text by far: rank alone ties them (and the id breaks the tie).
    const tuning = { textWeight: 1, vectorScoreWeight: 0.2, textScoreWeight: 0.05 };
    const tied = retriever({ vector: ['a', 'b'], text: ['b', 'a'] });
    expect(ids(await tied.search('q'))).toEqual(['a', 'b']);
    const byScore = retriever({ vector: ['a', 'b'], text: ['b', 'a'], tuning });
    // Vector scores 0.9 and 0.8 (0.02 apart once weighed), text 1 and 0.5 (0.025 apart): b leads.
    expect(ids(await byScore.search('q'))).toEqual(['b', 'a']);
  });

  it('gives every result a relevance between 0 and 1 without reordering them', async () => {
    const result = await retriever({ vector: ['a', 'b', 'c'], text: ['c', 'd', 'a'] }).search('q', { k: 4 });
    const scores = result.results.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const item of result.results) {
      expect(item.relevance).toBeGreaterThanOrEqual(0);
      expect(item.relevance).toBeLessThanOrEqual(1);
    }
  });

  it('adds graph neighbours of the top hits that no search found', async () => {
    const result = await retriever({ vector: ['a'], text: ['a'], related: [['a', 'z']] }).search('q', { k: 5 });
    expect(ids(result)).toEqual(['a', 'z']);
    expect(result.results[1]!.sources).toEqual({ graph: expect.any(Number) });
  });

  it('prefers patterns proven to work when the evidence is otherwise equal', async () => {
    const result = await retriever({
      vector: ['untested', 'proven'],
      text: ['proven', 'untested'],
      stats: { proven: { successes: 9 }, untested: { failures: 3 } },
    }).search('q');
    expect(ids(result)).toEqual(['proven', 'untested']);
  });

  it('sinks a pattern that keeps failing below one it used to trail by a wide margin', async () => {
    const search = (stats: Record<string, Partial<Pattern['stats']>>) =>
      retriever({ vector: ['failing', 'a'], text: ['failing', 'b'], stats }).search('q');
    // Found first by both sources: about twice the score of a pattern only one source found.
    expect(ids(await search({}))).toEqual(['failing', 'a', 'b']);
    // One or two failures are a mild signal: still first.
    expect(ids(await search({ failing: { failures: 2 } }))[0]).toBe('failing');
    expect(ids(await search({ failing: { failures: 3 } }))).toEqual(['a', 'b', 'failing']);
  });

  it('counts thumbs as a weaker signal than runs', async () => {
    const order = async (stats: Record<string, Partial<Pattern['stats']>>) =>
      ids(await retriever({ vector: ['a', 'b'], text: ['b', 'a'], stats }).search('q'));
    // Equal evidence otherwise (a and b swap places in the two lists): a run decides, and so does a thumb.
    expect(await order({ a: { successes: 1 } })).toEqual(['a', 'b']);
    expect(await order({ b: { feedbackUp: 1 } })).toEqual(['b', 'a']);
    // Three thumbs up do not outweigh one passed run.
    expect(await order({ a: { successes: 1 }, b: { feedbackUp: 3 } })).toEqual(['a', 'b']);
    expect(await order({ a: { successes: 1 }, b: { feedbackUp: 5 } })).toEqual(['b', 'a']);
  });

  it('leaves retired patterns out, and does not expand the graph from them', async () => {
    const result = await retriever({
      vector: ['gone', 'a'],
      text: ['gone', 'a'],
      related: [
        ['gone', 'neighbour-of-gone'],
        ['a', 'gone'],
      ],
      retired: ['gone'],
    }).search('q', { k: 5 });
    expect(ids(result)).toEqual(['a']);
    expect(result.results[0]!.sources).toEqual({ vector: expect.any(Number), text: expect.any(Number) });
  });

  it('answers from full text, with a notice, when the vector index is down', async () => {
    const result = await retriever({ vector: new Error('connection refused'), text: ['d'] }).search('q');
    expect(ids(result)).toEqual(['d']);
    expect(result.notices).toEqual([
      'Vector search is unavailable (connection refused); results come from full-text search and the graph.',
    ]);
  });

  it('takes at most two results from one source file, so one richly commented file cannot fill the list', async () => {
    const files = { a1: 'internal.js', a2: 'internal.js', a3: 'internal.js', a4: 'internal.js', b: 'compare.js' };
    const result = await retriever({
      vector: ['a1', 'a2', 'a3', 'a4', 'b'],
      text: ['a1', 'a2', 'a3', 'a4', 'b'],
      files,
    }).search('q', { k: 3 });
    expect(ids(result)).toEqual(['a1', 'a2', 'b']);
  });

  it('fails only when both search sources fail', async () => {
    await expect(retriever({ vector: new Error('down'), text: new Error('down too') }).search('q')).rejects.toThrow(
      /pattern search is unavailable/,
    );
  });
});
