import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const evaluationDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'retrieval');

const questionSchema = z.object({ question: z.string().min(10), expected: z.array(z.string()).min(1) });

export interface EvaluationQuestion {
  question: string;
  /** Pattern ids any of which counts as a hit. */
  expected: string[];
  file: string;
}

/** Every question of the retrieval evaluation set (knowledge/evaluation/retrieval/*.json). */
export async function loadEvaluationSet(directory = evaluationDirectory): Promise<EvaluationQuestion[]> {
  const questions: EvaluationQuestion[] = [];
  for (const file of (await readdir(directory)).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = z.array(questionSchema).parse(JSON.parse(await readFile(path.join(directory, file), 'utf8')));
    questions.push(...parsed.map((entry) => ({ ...entry, file })));
  }
  return questions;
}

/** Share of questions with an expected pattern among the first `k` results. */
export function recallAt(k: number, outcomes: { expected: string[]; ranked: string[] }[]): number {
  if (outcomes.length === 0) return 0;
  const hits = outcomes.filter((outcome) => outcome.ranked.slice(0, k).some((id) => outcome.expected.includes(id))).length;
  return hits / outcomes.length;
}
