import { contentHash } from '../patterns/content-hash.ts';
import type { PatternIndexer } from '../patterns/pattern-indexer.ts';
import type { LearnedFrom, PatternInput } from '../patterns/pattern.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import type { ErrorSignature, OutcomeRecorder } from './outcome-recorder.ts';

/** Approved code to keep as a learned pattern. */
export interface LearnedPatternInput {
  title: string;
  summary: string;
  language: string;
  code: string;
  tests: string | null;
  questions: string[];
  tags: string[];
  /** The ids of the patterns it was built on (DERIVED_FROM edges; unknown ids are left out). */
  basedOn: string[];
  /** The error it fixed, when it was a repair. */
  fixes?: ErrorSignature;
  learnedFrom: LearnedFrom;
  /** The project of the conversation it came from: the pattern is then that project's (its members' alone). */
  projectId?: string;
}

/**
 * Saves approved code as a learned pattern and indexes it at once (full text, vector, graph), so the next
 * search can find it. Code the store already has (the same content hash, or the same code once comments and
 * whitespace are left out) is not stored again: the answer names the stored pattern, `duplicate: true`. A
 * learned pattern starts with one success (its code ran and passed) credited to the session's last run.
 */
export async function learnPattern(
  input: LearnedPatternInput,
  dependencies: {
    patterns: Pick<PatternRepository, 'findDuplicate' | 'findByIds'>;
    indexer: Pick<PatternIndexer, 'index'>;
    recorder: Pick<OutcomeRecorder, 'recordOutcome' | 'recordFix'>;
    at: Date;
  },
): Promise<{ patternId: string; duplicate: boolean }> {
  const { patterns, indexer, recorder, at } = dependencies;
  const candidate: Omit<PatternInput, 'id'> = {
    title: input.title,
    summary: input.summary,
    language: input.language,
    tags: input.tags,
    questions: input.questions,
    code: input.code,
    tests: input.tests,
    libraries: [],
    source: { kind: 'learned', learnedFrom: input.learnedFrom },
    ...(input.projectId ? { projectId: input.projectId } : {}),
  };
  const duplicateOf = () =>
    patterns.findDuplicate({
      contentHash: contentHash(candidate),
      language: input.language,
      code: input.code,
      projectId: input.projectId,
    });
  const stored = await duplicateOf();
  if (stored) return { patternId: stored, duplicate: true };

  // Named by its content: learning the same code twice at once writes one row, and the second learns it is a duplicate.
  const id = `learned-${input.projectId ? `${input.projectId.slice(0, 8)}-` : ''}${contentHash(candidate).slice(0, 16)}`;
  const basedOn = (await patterns.findByIds([...new Set(input.basedOn)])).map((pattern) => pattern.id);
  const report = await indexer.index([{ pattern: { ...candidate, id }, derivedFrom: basedOn }]);
  if (report.created === 0) return { patternId: (await duplicateOf()) ?? id, duplicate: true };

  await recorder.recordOutcome([id], { verdict: 'success', runId: input.learnedFrom.runIds.at(-1), at });
  // A FIXES edge would lead the debug agent of users outside the project to its code.
  if (input.fixes && !input.projectId) await recorder.recordFix([id], input.fixes, at);
  return { patternId: id, duplicate: false };
}
