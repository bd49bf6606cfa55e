// `npm run ingest -- <folder> [--project <name> [--owner <email>]] [--include-tests] [--exclude <glob>]…`: indexes
// a folder or repository into the pattern store. It attaches to the running embedded services (or uses
// DATABASE_URL / CHROMA_URL), so the server finds the new patterns at once. Progress goes to stderr, the summary
// to stdout. Without --project the patterns join the store every user searches; with it they go into that
// project (created if its owner has none of that name; the owner is --owner, else the first admin), as one of
// its folder sources, seen only by its members. The operator of this command may name any folder:
// KILN_PROJECT_ROOTS limits what users add through the API, not the shell.
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ingestFolder } from '../knowledge/ingest/ingest-folder.ts';
import { createKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { startKilnInfrastructure } from '../server/kiln-infrastructure.ts';
import { loadConfigOrExit } from '../platform/lifecycle/entry-point.ts';
import { createLogger } from '../platform/logging/create-logger.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';
import type { Sql } from '../platform/database/sql-query.ts';
import { ProjectRepository } from '../server/projects/project-repository.ts';

const usage =
  'usage: npm run ingest -- <folder> [--project <name> [--owner <email>]] [--include-tests] [--exclude <glob>]…';
const args = process.argv.slice(2);
const exclude: string[] = [];
let includeTests = false;
let folder: string | undefined;
let projectName: string | undefined;
let ownerEmail: string | undefined;
for (let index = 0; index < args.length; index += 1) {
  const arg = args[index]!;
  if (arg === '--include-tests') includeTests = true;
  else if (arg === '--project' && args[index + 1]?.trim()) projectName = args[(index += 1)]!.trim();
  else if (arg === '--owner' && args[index + 1]) ownerEmail = args[(index += 1)]!;
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
if (ownerEmail && !projectName) {
  console.error(`--owner needs --project\n${usage}`);
  process.exit(2);
}

const config = loadConfigOrExit(process.env);
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'ingest');
const infrastructure = await startKilnInfrastructure(config, log, { poolSize: 4 });
let exitCode = 0;
let project: Awaited<ReturnType<typeof projectSource>> | undefined;
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
  project = projectName ? await projectSource(sql, projectName, ownerEmail, folder) : undefined;
  let lastPrint = 0;
  const report = await ingestFolder(
    folder,
    { sql, indexer: knowledge.indexer, log },
    {
      includeTests,
      exclude,
      ...(project ? { target: project.target } : {}),
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
  if (project) {
    const patterns = (await knowledge.patterns.idsOfSource(project.target.sourceId)).length;
    await project.repository.updateSource(project.target.sourceId, {
      status: 'ready',
      error: null,
      ingested: true,
      counts: {
        filesFound: report.files,
        filesDone: report.files,
        filesIndexed: report.ingestedFiles,
        filesUnchanged: report.unchangedFiles,
        filesSkipped: Object.values(report.skipped).reduce((sum, count) => sum + (count ?? 0), 0),
        patterns,
      },
    });
    console.log(`Project "${projectName}" (${project.target.projectId}), owned by ${project.owner}`);
  }
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
  await project?.repository
    .updateSource(project.target.sourceId, { status: 'failed', error: (error as Error).message })
    .catch(() => undefined);
} finally {
  await infrastructure.stop();
}
process.exit(exitCode);

/** The project (created when its owner has none of that name) and its folder source for `folder`. */
async function projectSource(sql: Sql, name: string, email: string | undefined, folder: string) {
  const repository = new ProjectRepository(sql);
  const owner = email ? await repository.findUserByEmail(email) : await repository.firstAdmin();
  if (!owner)
    throw new Error(
      email
        ? `there is no Kiln account with the email ${email}`
        : 'there is no admin account yet: sign up in the web UI first (the first account is the admin), or pass --owner <email>',
    );
  const projectId = (await repository.findOwnedByName(name, owner.id)) ?? (await repository.create(name, owner.id));
  const directory = realpathSync(folder);
  const existing = (await repository.sourcesOf(projectId)).find(
    (source) => source.type === 'folder' && source.directory === directory,
  );
  const source =
    existing ??
    (await repository.addSource(projectId, { type: 'folder', location: directory, directory, createdBy: owner.id }));
  await repository.updateSource(source.id, { status: 'ingesting' });
  return {
    repository,
    owner: owner.email,
    target: { projectId, sourceId: source.id, name: path.basename(directory) },
  };
}
