// `npm run bench:retrieval [-- 10000 100000]`: hybrid retrieval latency at growing numbers of synthetic patterns,
// side by side, in the same run and on the same collection, with the raw Chroma query as an application would
// send it (the chromadb client) and with Kiln's own vector query alone (the vector half of hybrid retrieval, which
// talks to Chroma's query endpoint directly); and indexing throughput.
// Synthetic patterns are variations of the seed corpus (same vocabulary, renamed identifiers), generated with a
// fixed seed, so runs are comparable.
import os from 'node:os';
import pino from 'pino';
import { readCorpus } from '../knowledge/corpus/load-corpus.ts';
import { loadEvaluationSet } from '../knowledge/evaluation/load-evaluation-set.ts';
import { createKnowledgeBase, patternCollectionName } from '../knowledge/knowledge-base.ts';
import type { IndexablePattern } from '../knowledge/patterns/pattern-indexer.ts';
import { ChromaVectorIndex } from '../knowledge/vector/chroma-vector-index.ts';
import { startKilnInfrastructure } from '../server/kiln-infrastructure.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';
import { temporaryDirectory } from '../tests/support/temporary-directory.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((size) => size > 0);
const targets = sizes.length ? sizes : [10_000, 100_000];
const queriesPerSize = 300;
const log = pino({ level: 'warn' });

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const { patterns: seeds } = await readCorpus();
const vocabulary = [
  ...new Set(
    seeds.flatMap((seed) => `${seed.manifest.title} ${seed.manifest.summary}`.toLowerCase().match(/[a-z]{4,}/g) ?? []),
  ),
];
const next = random(42);
const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;

function synthetic(index: number): IndexablePattern {
  const seed = seeds[index % seeds.length]!;
  const extra = Array.from({ length: 6 }, () => pick(vocabulary));
  const suffix = `V${index}`;
  return {
    pattern: {
      id: `synthetic-${index}`,
      title: `${seed.manifest.title} ${extra.slice(0, 2).join(' ')}`,
      summary: `${seed.manifest.summary} ${extra.join(' ')}.`,
      language: seed.manifest.language,
      tags: [...seed.manifest.tags, pick(vocabulary)].slice(0, 6),
      questions: [],
      code: seed.code.replace(/\b([a-z][A-Za-z0-9]{3,})\(/g, `$1${suffix}(`),
      tests: null,
      libraries: seed.manifest.libraries,
      source: { kind: 'user', path: `synthetic/${index}` },
    },
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const round = (value: number) => Math.round(value * 100) / 100;

const dataDir = await temporaryDirectory('kiln-bench-retrieval');
const infrastructure = await startKilnInfrastructure(
  { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
  log,
);
const rows: string[] = [];
try {
  const knowledge = await createKnowledgeBase({
    sql: sqlHandle(infrastructure.dataSource),
    chroma: infrastructure.chroma,
    chromaUrl: infrastructure.chromaUrl,
    graph: infrastructure.graph,
    log,
  });
  await knowledge.loadSeeds();
  const questions = (await loadEvaluationSet()).map((entry) => entry.question);
  const collection = await infrastructure.chroma.getCollection({ name: patternCollectionName });
  const vectorIndex = await ChromaVectorIndex.open(infrastructure.chroma, {
    url: infrastructure.chromaUrl,
    name: patternCollectionName,
    embedderId: knowledge.embedder.id,
    dimension: knowledge.embedder.dimension,
  });
  let indexed = 0;
  for (const target of targets) {
    const started = performance.now();
    const batchSize = 1_000;
    for (let start = indexed; start < target; start += batchSize) {
      const batch = Array.from({ length: Math.min(batchSize, target - start) }, (_, offset) =>
        synthetic(start + offset),
      );
      const report = await knowledge.indexer.index(batch);
      if (report.vectorError) throw new Error(report.vectorError);
      if (process.stderr.isTTY) process.stderr.write(`\rindexing ${start + batch.length}/${target}`);
    }
    // As `npm run ingest` does at its end (autovacuum would, a minute or so later).
    await knowledge.indexer.settle();
    const added = target - indexed;
    const throughput = added / ((performance.now() - started) / 1000);
    indexed = target;
    if (process.stderr.isTTY) process.stderr.write('\n');

    const hybrid: number[] = [];
    const raw: number[] = [];
    const vector: number[] = [];
    for (let index = 0; index < queriesPerSize; index += 1) {
      const question = questions[index % questions.length]!;
      const [embedding] = await knowledge.embedder.embed([question]);
      let begin = performance.now();
      await collection.query({ queryEmbeddings: [embedding!], nResults: 30, include: ['distances'] });
      raw.push(performance.now() - begin);
      begin = performance.now();
      await vectorIndex.query(embedding!, { k: 30 });
      vector.push(performance.now() - begin);
      begin = performance.now();
      await knowledge.retriever.search(question, { k: 5 });
      hybrid.push(performance.now() - begin);
    }
    const total = await knowledge.patterns.count();
    rows.push(
      `| ${total.toLocaleString('en')} | ${round(percentile(hybrid, 50))} | ${round(percentile(hybrid, 95))} | ${round(percentile(raw, 50))} | ${round(percentile(raw, 95))} | ${round(percentile(hybrid, 95) / percentile(raw, 95))}× | ${round(percentile(vector, 50))} | ${round(percentile(vector, 95))} | ${round(percentile(hybrid, 95) / percentile(vector, 95))}× | ${Math.round(throughput)} |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await infrastructure.stop();
  await dataDir.remove();
}
console.log(
  `\n${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${queriesPerSize} queries per size (the evaluation questions)\n`,
);
console.log(
  '| patterns | hybrid p50 ms | hybrid p95 ms | raw Chroma p50 ms | raw Chroma p95 ms | hybrid p95 ÷ raw p95 | Kiln vector query p50 ms | Kiln vector query p95 ms | hybrid p95 ÷ vector p95 | indexing patterns/s |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
