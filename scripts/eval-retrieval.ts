// `npm run eval:retrieval`: recall@1/3/5 of the hybrid retriever (and of each source alone) on the labelled
// questions in knowledge/evaluation/retrieval/, against the seed corpus loaded into a throwaway embedded
// Postgres and Chroma with the default local embedder. `--verbose` lists the misses.
import pino from 'pino';
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { loadEvaluationSet, recallAt } from '../knowledge/evaluation/load-evaluation-set.ts';
import { languageNamedIn } from '../knowledge/retrieval/language-hint.ts';
import { startKilnInfrastructure } from '../server/kiln-infrastructure.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';

const verbose = process.argv.includes('--verbose');
const log = pino({ level: 'warn' });
const dataDir = await temporaryDirectory('kiln-eval');
const infrastructure = await startKilnInfrastructure(
  { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
  log,
);
try {
  const knowledge = await createKnowledgeBase({
    sql: sqlHandle(infrastructure.dataSource),
    chroma: infrastructure.chroma,
    chromaUrl: infrastructure.chromaUrl,
    graph: infrastructure.graph,
    log,
  });
  const seeded = await knowledge.loadSeeds();
  const questions = await loadEvaluationSet();
  const outcomes = [];
  for (const question of questions) {
    const { results } = await knowledge.retriever.search(question.question, {
      k: 10,
      prefer: languageNamedIn(question.question),
    });
    outcomes.push({ ...question, ranked: results.map((result) => result.pattern.id), results });
  }
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  console.log(
    `\n${questions.length} questions, ${seeded.created + seeded.updated + seeded.unchanged} patterns, embedder ${knowledge.embedder.id}\n`,
  );
  console.log('| retriever | recall@1 | recall@3 | recall@5 |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| hybrid | ${percent(recallAt(1, outcomes))} | ${percent(recallAt(3, outcomes))} | ${percent(recallAt(5, outcomes))} |`,
  );
  for (const source of ['vector', 'text'] as const) {
    const alone = outcomes.map((outcome) => ({
      expected: outcome.expected,
      ranked: [...outcome.results]
        .filter((result) => result.sources[source] !== undefined)
        .sort((a, b) => (b.sources[source] ?? 0) - (a.sources[source] ?? 0))
        .map((result) => result.pattern.id),
    }));
    console.log(
      `| ${source} hits only, by their own score | ${percent(recallAt(1, alone))} | ${percent(recallAt(3, alone))} | ${percent(recallAt(5, alone))} |`,
    );
  }
  const missing = [...new Set(questions.flatMap((question) => question.expected))];
  const absent = (await knowledge.patterns.findByIds(missing)).length !== missing.length;
  if (absent) console.log('\nnote: some expected patterns are not in the corpus');
  if (verbose) {
    console.log('\nmisses (not in the top 5):');
    for (const outcome of outcomes) {
      if (outcome.ranked.slice(0, 5).some((id) => outcome.expected.includes(id))) continue;
      console.log(
        `- ${outcome.question}\n  expected ${outcome.expected.join(', ')}; got ${outcome.ranked.slice(0, 5).join(', ')}`,
      );
    }
  }
  const recall5 = recallAt(5, outcomes);
  console.log(`\nrecall@5 = ${recall5.toFixed(3)} (target ≥ 0.9): ${recall5 >= 0.9 ? 'met' : 'NOT met'}`);
  process.exitCode = recall5 >= 0.9 ? 0 : 1;
} finally {
  await infrastructure.stop();
  await dataDir.remove();
}
