// `npm run eval:ingest`: recall@1/5 of search over code Kiln has never seen. Each set in
// knowledge/evaluation/ingest/ names an npm package installed in node_modules; its folder is ingested (as
// `npm run ingest` does) into a throwaway store that also holds the seed corpus, as a real install would, and
// each question counts as found when a pattern from the named file is in the top 1 or 5. The questions avoid
// the words of the code's own comments. `--verbose` lists the misses. A yardstick, not a gate: it exits 0.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { ingestFolder } from '../knowledge/ingest/ingest-folder.ts';
import { openThrowawayStore } from './bench/throwaway-store.ts';

interface IngestEvaluationSet {
  package: string;
  note: string;
  questions: { question: string; file: string }[];
}

const verbose = process.argv.includes('--verbose');
const folder = path.resolve('knowledge/evaluation/ingest');
const sets: IngestEvaluationSet[] = [];
for (const name of (await readdir(folder)).filter((file) => file.endsWith('.json')).sort()) {
  sets.push(JSON.parse(await readFile(path.join(folder, name), 'utf8')) as IngestEvaluationSet);
}

const log = pino({ level: 'warn' });
const store = await openThrowawayStore({ log, name: 'kiln-eval-ingest' });
const rows: string[] = [];
try {
  const { sql, knowledge } = store;
  let all = { questions: 0, at1: 0, at5: 0 };
  for (const set of sets) {
    const root = path.resolve('node_modules', set.package);
    const manifest = await readFile(path.join(root, 'package.json'), 'utf8').catch(() => undefined);
    if (!manifest) {
      console.log(`${set.package}: not installed (node_modules/${set.package}); run npm install`);
      continue;
    }
    const version = (JSON.parse(manifest) as { version: string }).version;
    const report = await ingestFolder(root, { sql, indexer: knowledge.indexer, log });
    let at1 = 0;
    let at5 = 0;
    for (const { question, file } of set.questions) {
      const { results } = await knowledge.retriever.search(question, { k: 5 });
      const rank = results.findIndex(
        (result) =>
          result.pattern.source.kind === 'ingest' &&
          result.pattern.source.repository === set.package &&
          result.pattern.source.path === file,
      );
      if (rank === 0) at1 += 1;
      if (rank >= 0) at5 += 1;
      if (verbose && rank !== 0) {
        console.log(
          `${rank < 0 ? 'miss' : `#${rank + 1}`} ${set.package}: ${question}\n  expected ${file}; got ${results.map((result) => result.pattern.source.path ?? result.pattern.id).join(', ')}`,
        );
      }
    }
    const percent = (count: number) => `${((count / set.questions.length) * 100).toFixed(1)} %`;
    rows.push(
      `| ${set.package} ${version} | ${report.patterns.created + report.patterns.unchanged + report.patterns.updated} | ${set.questions.length} | ${percent(at1)} | ${percent(at5)} |`,
    );
    all = { questions: all.questions + set.questions.length, at1: all.at1 + at1, at5: all.at5 + at5 };
  }
  const percent = (count: number) => `${((count / Math.max(1, all.questions)) * 100).toFixed(1)} %`;
  rows.push(`| all | | ${all.questions} | ${percent(all.at1)} | ${percent(all.at5)} |`);
} finally {
  await store.stop();
}
console.log('\n| package | patterns ingested | questions | recall@1 | recall@5 |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
