// `npm run bench:projects [-- 500 2000]`: project-scoped retrieval latency at growing project sizes (files), with
// the raw Chroma query of the project's vectors as the baseline in the same loop; and ingest throughput and the
// time to build a project's search index. A project of N files is made from the evaluation sets' public code
// (knowledge/evaluation/projects), copied as often as needed with every function and class renamed per copy
// (so no copy is a duplicate), ingested as a project. Queries are the sets' questions. Targets (exit 1 when
// missed): the project search inside a chat turn (`HybridRetriever.search` with `projectId`, which also
// searches the global store) p95 ≤ 30 ms, and ≤ 2.5 × the raw Chroma query.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { discoverFiles } from '../knowledge/ingest/discover-files.ts';
import { ingestFolder } from '../knowledge/ingest/ingest-folder.ts';
import { projectCollectionName } from '../knowledge/knowledge-base.ts';
import { ChromaVectorIndex } from '../knowledge/vector/chroma-vector-index.ts';
import { openThrowawayStore } from './bench/throwaway-store.ts';
import { loadProjectSets } from './eval-projects/load-project-sets.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((size) => size > 0);
const targets = sizes.length ? sizes : [500, 2_000];
const log = pino({ level: 'warn' });
const sets = loadProjectSets();
const questions = sets.flatMap((set) => set.questions.map((question) => question.question));
const originals = (
  await Promise.all(
    sets.map(async (set) =>
      Promise.all(
        (await discoverFiles(set.folder)).files.map(async (file) => ({
          path: `${set.name}/${file.path}`,
          text: await readFile(file.absolutePath, 'utf8'),
        })),
      ),
    ),
  )
).flat();

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
};
const timed = async <T>(work: () => Promise<T>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const store = await openThrowawayStore({ log, name: 'kiln-bench-projects' });
const rows: string[] = [];
let failed = false;
try {
  const { sql, knowledge, infrastructure } = store;
  const raw = await ChromaVectorIndex.open(infrastructure.chroma, {
    url: infrastructure.chromaUrl,
    name: projectCollectionName,
    embedderId: knowledge.embedder.id,
    dimension: knowledge.embedder.dimension,
  });
  for (const size of targets) {
    const folder = path.join(store.dataDir, `project-${size}`);
    for (let index = 0; index < size; index += 1) {
      const original = originals[index % originals.length]!;
      const copy = Math.floor(index / originals.length);
      const text =
        copy === 0
          ? original.text
          : original.text.replace(/\b(function|class|def)\s+([A-Za-z_]\w*)/g, `$1 $2_copy${copy}`);
      const file = path.join(folder, `copy-${copy}`, original.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    }
    const projectId = randomUUID();
    const ingestStarted = performance.now();
    const report = await ingestFolder(
      folder,
      { sql, indexer: knowledge.indexer, log },
      { target: { projectId, sourceId: randomUUID(), name: `bench-${size}` } },
    );
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const build = await timed(() => knowledge.projects.search('warm up', { projectId, k: 5 }));
    const [embedding] = await knowledge.embedder.embed(['a question']);
    const chat: number[] = [];
    const own: number[] = [];
    const chroma: number[] = [];
    for (let round = 0; round < 2; round += 1)
      for (const question of questions) {
        const [vector] = await knowledge.embedder.embed([question]);
        chroma.push(await timed(() => raw.query(vector ?? embedding!, { k: 30, project: projectId })));
        own.push(await timed(() => knowledge.projects.search(question, { projectId, k: 5 })));
        chat.push(await timed(() => knowledge.retriever.search(question, { k: 5, projectId })));
      }
    const ratio = percentile(chat, 0.95) / percentile(chroma, 0.95);
    const met = percentile(chat, 0.95) <= 30 && ratio <= 2.5;
    if (!met) failed = true;
    const ms = (value: number) => value.toFixed(2);
    rows.push(
      `| ${size} | ${report.patterns.created} | ${(report.files / ingestSeconds).toFixed(0)} | ${(build / 1000).toFixed(2)} | ${ms(percentile(own, 0.5))} | ${ms(percentile(own, 0.95))} | ${ms(percentile(chat, 0.5))} | ${ms(percentile(chat, 0.95))} | ${ms(percentile(chroma, 0.5))} | ${ms(percentile(chroma, 0.95))} | ${ratio.toFixed(2)}× | ${met ? 'met' : 'missed'} |`,
    );
  }
} finally {
  await store.stop();
}
console.log(
  `\n${new Date().toISOString()} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node} · ${questions.length * 2} queries per size`,
);
console.log(
  '\n| files | patterns | ingest files/s | index build s | project search p50 ms | p95 ms | in a chat turn (project + global) p50 ms | p95 ms | raw Chroma p50 ms | p95 ms | chat p95 ÷ raw p95 | target |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
process.exit(failed ? 1 : 0);
