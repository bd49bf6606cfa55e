// Loads the held-out project sets: each folder under knowledge/evaluation/projects/ holds a vendored subset of a
// public repository (source/) and questions.json naming, for each question, the one file that does that job.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ProjectQuestion {
  question: string;
  /** Relative to the set's source/ folder, forward slashes. */
  file: string;
  /** `fit` may be looked at while tuning; `test` is only ever scored. */
  split: 'fit' | 'test';
}

export interface ProjectSet {
  name: string;
  /** Absolute path of the set's source/ folder. */
  folder: string;
  repository: string;
  commit: string;
  questions: ProjectQuestion[];
}

export function loadProjectSets(root = 'knowledge/evaluation/projects'): ProjectSet[] {
  const absoluteRoot = path.resolve(root);
  const sets: ProjectSet[] = [];
  for (const name of readdirSync(absoluteRoot).sort()) {
    const directory = path.join(absoluteRoot, name);
    const questionsFile = path.join(directory, 'questions.json');
    if (!statSync(directory).isDirectory()) continue;
    let raw: string;
    try {
      raw = readFileSync(questionsFile, 'utf8');
    } catch {
      continue;
    }
    const data = JSON.parse(raw) as { repository: string; commit: string; questions: ProjectQuestion[] };
    const folder = path.join(directory, 'source');
    for (const question of data.questions) {
      if (question.split !== 'fit' && question.split !== 'test') {
        throw new Error(`${name}: question "${question.question}" has split ${String(question.split)}`);
      }
      if (!statSync(path.join(folder, question.file), { throwIfNoEntry: false })?.isFile()) {
        throw new Error(`${name}: ${question.file} is not in source/`);
      }
    }
    sets.push({ name, folder, repository: data.repository, commit: data.commit, questions: data.questions });
  }
  return sets;
}
