import { loadEvaluationSet, recallAt } from '../../knowledge/evaluation/load-evaluation-set.ts';
import type { HybridRetriever } from '../../knowledge/retrieval/hybrid-retriever.ts';
import { languageNamedIn } from '../../knowledge/retrieval/language-hint.ts';

/** Recall@5 on the labelled retrieval set, searched as `npm run eval:retrieval` does (k 10, the named language preferred). */
export async function recallAt5(retriever: Pick<HybridRetriever, 'search'>): Promise<number> {
  const questions = await loadEvaluationSet();
  const outcomes = [];
  for (const question of questions) {
    const { results } = await retriever.search(question.question, {
      k: 10,
      prefer: languageNamedIn(question.question),
    });
    outcomes.push({ expected: question.expected, ranked: results.map((result) => result.pattern.id) });
  }
  return recallAt(5, outcomes);
}

/** How many labelled questions expect this pattern (a pattern made to fail would rightly leave their top 5). */
export async function labelledQuestionsExpecting(patternId: string): Promise<number> {
  return (await loadEvaluationSet()).filter((question) => question.expected.includes(patternId)).length;
}
