import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sets');

/** One labelled question: in scope (`patternId` answers it) or out of scope (`patternId` null). */
export interface LabelledQuestion {
  question: string;
  split: 'fit' | 'test';
  patternId: string | null;
  /** For an out-of-scope near miss: the pattern that shares its words without answering it. */
  near: string | null;
}

const inScope = z.array(z.object({ question: z.string(), patternId: z.string(), split: z.enum(['fit', 'test']) }));
const outOfScope = z.array(
  z.object({ question: z.string(), split: z.enum(['fit', 'test']), near: z.string().nullable() }),
);

/** Both sets of scripts/eval-abstain/sets, in scope first. */
export async function loadLabelledSets(): Promise<LabelledQuestion[]> {
  const read = async (name: string) => JSON.parse(await readFile(path.join(directory, name), 'utf8')) as unknown;
  return [
    ...inScope.parse(await read('in-scope.json')).map((entry) => ({ ...entry, near: null })),
    ...outOfScope.parse(await read('out-of-scope.json')).map((entry) => ({ ...entry, patternId: null })),
  ];
}

/**
 * The questions quoted in issue 19 (the private set's examples): kept out of both sets, run again at the end.
 * All but the last are out of scope; what a user saw then is in `before`.
 */
export const issueExamples = [
  { question: 'What is the borrow checker in Rust?', before: 'the SQL job-queue pattern' },
  { question: 'What is the difference between let and const in JavaScript?', before: 'the async semaphore' },
  { question: 'How do I write a Dockerfile for a Go web service?', before: 'semver comparison' },
  { question: 'How do I center a div with CSS?', before: 'no citation (answered honestly)' },
];
