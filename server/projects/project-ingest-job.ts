import { rename, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ingestFolder, type IngestProgress } from '../../knowledge/ingest/ingest-folder.ts';
import type { PatternIndexer } from '../../knowledge/patterns/pattern-indexer.ts';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { ProjectSourceCounts } from '../../protocol/project.ts';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import type { ProjectRepository, StoredSource } from './project-repository.ts';
import { cloneGit } from './sources/clone-git.ts';

export const projectIngestJobName = 'kiln.project-ingest';

const jobSchema = z.object({ sourceId: z.uuid() });

/** The source was removed while it was being ingested. */
class SourceRemoved extends Error {}

export interface ProjectIngestDependencies {
  sql: Sql;
  repository: ProjectRepository;
  indexer: PatternIndexer;
  /** Tells the project's members about the source's state. */
  announce: (source: StoredSource) => Promise<void>;
  /** Ids of a source's patterns (to remove them again should the source go during its ingest). */
  patternIdsOf: (scope: { sourceId: string }) => Promise<string[]>;
  /** Local folders a `file://` git URL may name. */
  roots: string[];
  log: Logger;
  /** How often progress is written and announced while files are read. */
  progressIntervalMs?: number;
}

/**
 * Ingests project sources from the queue, one at a time in this process: a git source is cloned (again, for a
 * re-ingest) first; then the files are indexed incrementally into the project's patterns, with progress
 * written to the source and announced to its members about four times a second. A failure marks the source
 * `failed` with the reason; the job itself succeeds, so it is not retried (the user re-ingests).
 */
export async function registerProjectIngestJob(queue: JobQueue, dependencies: ProjectIngestDependencies) {
  await queue.work(projectIngestJobName, async ({ data }) => {
    const { sourceId } = jobSchema.parse(data);
    const source = await dependencies.repository.source(sourceId);
    if (!source) return { sourceId, status: 'removed' };
    return ingestSource(source, dependencies);
  });
}

/**
 * Queues a source's ingest. A failure is the source's state, not the job's (the user re-ingests); but a job whose
 * server died mid-way is taken again once, by any server, an hour after it started: ingest is incremental, so
 * the second run reads only what the first did not finish. (An ingest running longer than that would be run twice
 * at once; the biggest measured, 2,000 files, takes under a minute.)
 */
export function queueProjectIngest(queue: JobQueue, sourceId: string) {
  return queue.send(projectIngestJobName, { sourceId }, { retries: 1, expireInSeconds: 60 * 60 }).then(() => undefined);
}

async function ingestSource(source: StoredSource, dependencies: ProjectIngestDependencies) {
  const { repository, announce, log } = dependencies;
  const update = async (change: Parameters<ProjectRepository['updateSource']>[1]) => {
    const updated = await repository.updateSource(source.id, change);
    if (!updated) throw new SourceRemoved();
    await announce(updated).catch((error: unknown) => log.warn({ err: error }, 'announcing ingest progress failed'));
    return updated;
  };
  // A first ingest counts patterns as they come; a re-ingest shows the last count until it has the new one.
  const first = source.ingestedAt === null;
  const counts: ProjectSourceCounts = {
    ...source.counts,
    filesDone: 0,
    filesIndexed: 0,
    filesUnchanged: 0,
    ...(first ? { patterns: 0 } : {}),
  };
  try {
    await update({ status: 'ingesting', error: null, counts });
    if (source.type === 'git') await fetchClone(source, dependencies.roots);
    let lastWrite = 0;
    const interval = dependencies.progressIntervalMs ?? 250;
    const progress = async (step: IngestProgress) => {
      Object.assign(counts, {
        filesFound: step.total,
        filesDone: step.done,
        filesIndexed: step.indexed,
        filesUnchanged: step.unchanged,
        filesSkipped: step.skipped + step.failed,
      });
      if (first) counts.patterns += step.patterns;
      if (Date.now() - lastWrite < interval || step.done === step.total) return;
      lastWrite = Date.now();
      await update({ counts });
    };
    const report = await ingestFolder(
      source.directory,
      { sql: dependencies.sql, indexer: dependencies.indexer, log },
      {
        target: { projectId: source.projectId, sourceId: source.id, name: nameOf(source) },
        onProgress: progress,
      },
    );
    const patterns = (await dependencies.patternIdsOf({ sourceId: source.id })).length;
    const finished = await update({
      status: 'ready',
      ingested: true,
      counts: { ...counts, filesFound: report.files, filesDone: report.files, patterns },
    });
    log.info({ sourceId: source.id, ...finished.counts, ms: report.durationMs }, 'project source ingested');
    return { sourceId: source.id, status: 'ready' };
  } catch (error) {
    if (error instanceof SourceRemoved) {
      // Removed mid-way: what this ingest wrote after the removal goes too.
      await dependencies.indexer.remove(await dependencies.patternIdsOf({ sourceId: source.id }));
      return { sourceId: source.id, status: 'removed' };
    }
    log.warn({ err: error, sourceId: source.id }, 'project source ingest failed');
    await repository
      .updateSource(source.id, { status: 'failed', error: (error as Error).message.slice(0, 1_000) })
      .then((failed) => failed && announce(failed))
      .catch(() => undefined);
    return { sourceId: source.id, status: 'failed' };
  }
}

/** A fresh shallow clone, swapped in for the previous one once complete (a failed clone leaves the old one). */
async function fetchClone(source: StoredSource, roots: string[]) {
  const next = `${source.directory}.next`;
  await rm(next, { recursive: true, force: true });
  try {
    await cloneGit(source.location, next, { allowedRoots: roots });
  } catch (error) {
    await rm(next, { recursive: true, force: true });
    throw error;
  }
  await rm(source.directory, { recursive: true, force: true });
  await rename(next, source.directory);
}

/** The name provenance shows: the folder's or archive's name, or the repository's. */
function nameOf(source: StoredSource): string {
  const last =
    source.location
      .replace(/[/\\]+$/, '')
      .split(/[/\\:]/)
      .at(-1) ?? source.location;
  return last.replace(/\.(git|zip|tar\.gz|tgz|tar)$/i, '') || 'source';
}
