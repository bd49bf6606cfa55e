import { RunnableLambda } from '@langchain/core/runnables';
import { describe, expect, it } from 'vitest';
import type { Pattern } from '../patterns/pattern.ts';
import { KilnPatternRetriever } from './kiln-langchain-retriever.ts';

const debounce: Pattern = {
  id: 'ts-debounce',
  title: 'Debounce a function',
  summary: 'Delay calls until a quiet period.',
  language: 'typescript',
  tags: ['timing'],
  questions: [],
  code: 'export function debounce() {}',
  tests: null,
  libraries: [],
  source: { kind: 'seed', path: 'knowledge/corpus/typescript/debounce/pattern.ts', line: 1 },
  contentHash: 'h',
  stats: { uses: 3, successes: 2, failures: 1, lastVerifiedAt: null, feedbackUp: 0, feedbackDown: 0 },
  status: 'active',
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('KilnPatternRetriever (LangChain)', () => {
  it('returns patterns as Documents with their metadata, and composes in a LangChain pipeline', async () => {
    const calls: unknown[] = [];
    const retriever = new KilnPatternRetriever(
      {
        search: async (question, options) => {
          calls.push([question, options]);
          return {
            results: [{ pattern: debounce, score: 3.2, sources: { vector: 0.8, text: 0.5 }, relevance: 0.9 }],
            notices: [],
          };
        },
      },
      { k: 2, language: 'typescript' },
    );
    const documents = await retriever.invoke('debounce in TypeScript');
    expect(calls).toEqual([['debounce in TypeScript', { k: 2, language: 'typescript' }]]);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.pageContent).toBe('export function debounce() {}');
    expect(documents[0]!.metadata).toMatchObject({
      id: 'ts-debounce',
      title: 'Debounce a function',
      score: 3.2,
      sources: { vector: 0.8, text: 0.5 },
      source: { kind: 'seed', path: 'knowledge/corpus/typescript/debounce/pattern.ts', line: 1 },
      successes: 2,
      failures: 1,
    });

    const titles = retriever.pipe(
      RunnableLambda.from((found: typeof documents) => found.map((document) => document.metadata.title)),
    );
    expect(await titles.invoke('debounce')).toEqual(['Debounce a function']);
  });
});
