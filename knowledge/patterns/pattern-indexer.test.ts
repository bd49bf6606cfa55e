import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { errorNodeId, lookupIds } from '../errors/error-signature.ts';
import { findError } from '../errors/find-error.ts';
import { LocalEmbedder } from '../embedding/local-embedder.ts';
import { InMemoryGraphStore } from '../graph/in-memory-graph-store.ts';
import { InMemoryVectorIndex } from '../vector/in-memory-vector-index.ts';
import type { PatternInput } from './pattern.ts';
import type { PatternRepository } from './pattern-repository.ts';
import { graphChange, PatternIndexer } from './pattern-indexer.ts';

const pattern = (id: string): PatternInput => ({
  id,
  title: id,
  summary: 'A pattern.',
  language: 'typescript',
  tags: ['json'],
  questions: [],
  code: 'export {};',
  tests: null,
  libraries: [{ name: 'node', version: '>=20' }],
  source: { kind: 'seed' },
});

describe('graphChange: error signatures', () => {
  it('files each fixed error under its normalised signature, keeping the message as written', () => {
    const change = graphChange([
      { pattern: pattern('ts-guard'), fixes: ["TypeError: Cannot read properties of undefined (reading 'map')"] },
    ]);
    const node = change.nodes.find((candidate) => candidate.kind === 'ErrorSignature')!;
    expect(node.properties).toEqual({
      message: "TypeError: Cannot read properties of undefined (reading 'map')",
      type: 'TypeError',
      template: "Cannot read properties of undefined (reading '<name>')",
    });
    expect(change.edges).toContainEqual({ from: 'pattern:ts-guard', kind: 'FIXES', to: node.id });
    // A trace of the same error with another property name looks the fix up under that node.
    const pasted = findError(
      "TypeError: Cannot read properties of undefined (reading 'items')\n    at show (/app/show.ts:3:9)",
    )!;
    expect(lookupIds(pasted).map(errorNodeId)).toContain(node.id);
  });

  it('gives two patterns that fix one error, worded differently, one shared node', () => {
    const change = graphChange([
      { pattern: pattern('sql-upsert'), fixes: ['duplicate key value violates unique constraint'] },
      { pattern: pattern('sql-dedupe'), fixes: ['Duplicate key value violates  unique constraint'] },
    ]);
    const errors = change.nodes.filter((node) => node.kind === 'ErrorSignature');
    expect(errors).toHaveLength(1);
    expect(change.edges.filter((edge) => edge.kind === 'FIXES').map((edge) => edge.from)).toEqual([
      'pattern:sql-upsert',
      'pattern:sql-dedupe',
    ]);
  });
});

describe('PatternIndexer.relink', () => {
  const indexer = (graph: InMemoryGraphStore) =>
    // Only the graph takes part in relinking.
    new PatternIndexer(
      undefined as never,
      undefined as never,
      async () => Promise.reject(new Error('unused')),
      graph,
      pino({ level: 'silent' }),
    );
  const fix = "TypeError: Cannot read properties of undefined (reading 'map')";

  it('adds the links a pattern gained without a content change, and keeps edges that outcomes added', async () => {
    const graph = new InMemoryGraphStore();
    // As an older version wrote it: no related pattern, no fixed error; then learning filed a fix of its own.
    await graph.write(graphChange([{ pattern: pattern('ts-guard') }]));
    await graph.write({
      nodes: [{ id: 'error:learned', kind: 'ErrorSignature', properties: {} }],
      edges: [{ from: 'pattern:ts-guard', kind: 'FIXES', to: 'error:learned' }],
      replaceEdgesOf: [],
    });

    const now = [{ pattern: pattern('ts-guard'), related: ['ts-safe-json'], fixes: [fix] }];
    expect(await indexer(graph).relink(now)).toBe(1);
    const edges = (await graph.neighbours(['pattern:ts-guard'])).map(
      (neighbour) => `${neighbour.edge} ${neighbour.node.id}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'RELATED_TO pattern:ts-safe-json',
        'FIXES error:learned',
        'RELATED_TO concept:json',
        'USES library:node',
      ]),
    );
    expect(edges.filter((edge) => edge.startsWith('FIXES'))).toHaveLength(2);
    expect(await indexer(graph).relink(now)).toBe(0);
  });
});

describe('PatternIndexer.index', () => {
  it("rewrites a changed pattern's declared edges but keeps the fixes outcomes recorded for it", async () => {
    const graph = new InMemoryGraphStore();
    const vectors = new InMemoryVectorIndex();
    // Every write is a change here: the repository's content-hash check is not what is tested.
    const patterns = { upsert: async () => 'updated' as const } as unknown as PatternRepository;
    const indexer = new PatternIndexer(
      patterns,
      new LocalEmbedder(16),
      async () => vectors,
      graph,
      pino({ level: 'silent' }),
    );
    await indexer.index([{ pattern: pattern('ts-guard'), related: ['ts-old-neighbour'] }]);
    await graph.write({
      nodes: [{ id: 'error:learned', kind: 'ErrorSignature', properties: {} }],
      edges: [{ from: 'pattern:ts-guard', kind: 'FIXES', to: 'error:learned' }],
      replaceEdgesOf: [],
    });

    await indexer.index([
      { pattern: { ...pattern('ts-guard'), code: 'export const changed = true;' }, related: ['ts-new-neighbour'] },
    ]);
    const edges = (await graph.neighbours(['pattern:ts-guard']))
      .filter((neighbour) => neighbour.direction === 'out')
      .map((neighbour) => `${neighbour.edge} ${neighbour.node.id}`);
    expect(edges.sort()).toEqual([
      'FIXES error:learned',
      'RELATED_TO concept:json',
      'RELATED_TO pattern:ts-new-neighbour',
      'USES library:node',
    ]);
  });
});
