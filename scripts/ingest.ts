// `npm run ingest -- <folder> [--include-tests] [--exclude <glob>]…`: indexes a folder or repository into the
// pattern store. It attaches to the running embedded services (or uses DATABASE_URL / CHROMA_URL), so the
// server finds the new patterns at once. Progress goes to stderr, the summary to stdout.
import { existsSync, statSync } from 'node:fs';
import { ingestFolder } from '../knowledge/ingest/ingest-folder.ts';
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { startKilnInfrastructure } from '../server/kiln-infrastructure.ts';
import { loadConfigOrExit } from '../platform/lifecycle/entry-point.ts';
import { createLogger } from '../platform/logging/create-logger.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';

const usage = 'usage: npm run ingest -- <folder> [--include-tests] [--exclude <glob>]…';
const args = process.argv.slice(2);
const exclude: string[] = [];
let includeTests = false;
let folder: string | undefined;
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index]!;
  if (arg === '--include-tests') includeTests = true;
  else if (arg === '--exclude' && args[index + 1]) exclude.push(args[(index += 1)]!);
  else if (arg === '--help' || arg === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (!arg.startsWith('--') && !folder) folder = arg;
  else {
    console.error(`unknown argument ${arg}\n${usage}`);
    process.exit(2);
  }
}
if (!folder) {
  console.error(usage);
  process.exit(2);
}
if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`not a folder: ${folder}`);
  process.exit(2);
}

const config = loadConfigOrExit(process.env);
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'ingest');
const infrastructure = await startKilnInfrastructure(config, log, { poolSize: 4 });
let exitCode = 0;
try {
  const sql = sqlHandle(infrastructure.dataSource);
  const knowledge = await createKnowledgeBase({
    sql,
    chroma: infrastructure.chroma,
    chromaUrl: infrastructure.chromaUrl,
    graph: infrastructure.graph,
    log,
    embeddings: config.embeddings,
  });
  let lastPrint = 0;
  const report = await ingestFolder(
    folder,
    { sql, indexer: knowledge.indexer, log },
    {
      includeTests,
      exclude,
      onProgress: ({ done, total, file, patterns }) => {
        if (Date.now() - lastPrint < 250 && done !== total) return;
        lastPrint = Date.now();
        process.stderr.write(
          `\r[${done}/${total}] ${file.slice(-60).padEnd(60)} ${patterns ? `${patterns} patterns` : ''}`.padEnd(100),
        );
        if (done === total) process.stderr.write('\n');
      },
    },
  );
  const seconds = report.durationMs / 1000;
  const skipped = Object.entries(report.skipped)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  console.log(`Ingested ${report.root} in ${seconds.toFixed(1)} s`);
  console.log(
    `  files: ${report.files} source files, ${report.ingestedFiles} indexed, ${report.unchangedFiles} unchanged, ${report.removedFiles} removed${report.failedFiles.length ? `, ${report.failedFiles.length} failed` : ''}`,
  );
  console.log(`  skipped: ${skipped || 'nothing'}`);
  const { created, updated, unchanged, duplicates, removed } = report.patterns;
  console.log(
    `  patterns: ${created} new, ${updated} updated, ${unchanged} unchanged, ${duplicates} duplicates, ${removed} removed (${((created + updated) / Math.max(seconds, 0.001)).toFixed(0)} patterns/s)`,
  );
  for (const failure of report.failedFiles.slice(0, 20)) console.log(`  failed: ${failure.path}: ${failure.reason}`);
  if (report.vectorError) {
    console.log(
      `  note: vectors were not written (${report.vectorError}); the patterns are searchable by text until the next run`,
    );
  }
} catch (error) {
  console.error(`ingest failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await infrastructure.stop();
}
process.exit(exitCode);
