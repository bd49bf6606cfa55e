import { describe, expect, it } from 'vitest';
import type { RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { composeOfflineCode, whatToBuild } from './offline-code.ts';

const retrieved = (
  id: string,
  language: string,
  counts: { uses: number; successes: number; failures: number } = { uses: 0, successes: 0, failures: 0 },
): RetrievedPattern => ({
  score: 10,
  sources: { vector: 0.4 },
  relevance: 0.8,
  pattern: {
    id,
    title: `Title of ${id}`,
    summary: 'What it does.',
    language,
    tags: [],
    questions: [],
    code: 'export function f() {}\n',
    tests: "import { f } from './pattern.ts';\n",
    libraries: [],
    source: { kind: 'seed', path: `knowledge/corpus/${language}/${id}/pattern.ts`, line: 1 },
    contentHash: 'x',
    stats: { ...counts, lastVerifiedAt: null, feedbackUp: 0, feedbackDown: 0 },
    status: 'active',
    createdAt: new Date(0),
    updatedAt: new Date(0),
  },
});

describe('whatToBuild', () => {
  it('drops the words that only ask for code', () => {
    expect(whatToBuild('Please write me a TypeScript function that parses a CSV line')).toBe(
      'TypeScript that parses CSV line',
    );
    expect(whatToBuild('write a function')).toBe('write a function');
  });
});

describe('composeOfflineCode', () => {
  it('gives the best pattern with its tests, its source and its track record', () => {
    const text = composeOfflineCode(
      'retry',
      [retrieved('ts-a', 'typescript', { uses: 5, successes: 4, failures: 1 }), retrieved('ts-b', 'typescript')],
      'typescript',
    );
    expect(text).toContain('### Title of ts-a');
    expect(text).toContain('```ts\nexport function f() {}\n```');
    expect(text).toContain("```ts\nimport { f } from './pattern.ts';\n```");
    expect(text).toContain('It has run 5 times for users: 4 passed, 1 failed.');
    expect(text).toContain('Source: seed · knowledge/corpus/typescript/ts-a/pattern.ts:1');
    expect(text).toContain('Also close: Title of ts-b (typescript).');
  });

  it('says when the closest pattern is in another language than the one asked for', () => {
    expect(composeOfflineCode('x', [retrieved('py-a', 'python')], 'typescript')).toContain(
      'I found no typescript pattern for this; the closest one is in python.',
    );
  });

  it('never invents code when nothing matches', () => {
    const text = composeOfflineCode('a COBOL report writer', [], undefined);
    expect(text).toContain('No stored pattern matches “a COBOL report writer”');
    expect(text).not.toContain('```');
  });
});
