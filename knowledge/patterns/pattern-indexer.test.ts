import { describe, expect, it } from 'vitest';
import { errorNodeId, lookupIds } from '../errors/error-signature.ts';
import { findError } from '../errors/find-error.ts';
import type { PatternInput } from './pattern.ts';
import { graphChange } from './pattern-indexer.ts';

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
    const change = graphChange([{ pattern: pattern('ts-guard'), fixes: ["TypeError: Cannot read properties of undefined (reading 'map')"] }]);
    const node = change.nodes.find((candidate) => candidate.kind === 'ErrorSignature')!;
    expect(node.properties).toEqual({
      message: "TypeError: Cannot read properties of undefined (reading 'map')",
      type: 'TypeError',
      template: "Cannot read properties of undefined (reading '<name>')",
    });
    expect(change.edges).toContainEqual({ from: 'pattern:ts-guard', kind: 'FIXES', to: node.id });
    // A trace of the same error with another property name looks the fix up under that node.
    const pasted = findError("TypeError: Cannot read properties of undefined (reading 'items')\n    at show (/app/show.ts:3:9)")!;
    expect(lookupIds(pasted).map(errorNodeId)).toContain(node.id);
  });

  it('gives two patterns that fix one error, worded differently, one shared node', () => {
    const change = graphChange([
      { pattern: pattern('sql-upsert'), fixes: ['duplicate key value violates unique constraint'] },
      { pattern: pattern('sql-dedupe'), fixes: ['Duplicate key value violates  unique constraint'] },
    ]);
    const errors = change.nodes.filter((node) => node.kind === 'ErrorSignature');
    expect(errors).toHaveLength(1);
    expect(change.edges.filter((edge) => edge.kind === 'FIXES').map((edge) => edge.from)).toEqual(['pattern:sql-upsert', 'pattern:sql-dedupe']);
  });
});
