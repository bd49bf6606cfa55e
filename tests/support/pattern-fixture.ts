import type { Pattern } from '../../knowledge/patterns/pattern.ts';

/** A stored pattern for unit tests: a TypeScript seed with no history, every field overridable. */
export function patternFixture(id: string, overrides: Partial<Pattern> = {}): Pattern {
  return {
    id,
    title: `Title of ${id}`,
    summary: `Summary of ${id}.`,
    language: 'typescript',
    tags: [],
    questions: [],
    code: '',
    tests: null,
    libraries: [],
    source: { kind: 'seed' },
    contentHash: id,
    stats: { uses: 0, successes: 0, failures: 0, lastVerifiedAt: null, feedbackUp: 0, feedbackDown: 0 },
    status: 'active',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}
