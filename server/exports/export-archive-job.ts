import type { Logger } from 'pino';
import { z } from 'zod';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import type { ExportArchiveRepository, StoredArchive } from './export-archive-repository.ts';
import type { ArchiveOf } from './export-service.ts';

export const exportArchiveJobName = 'kiln.export-archive';

const jobSchema = z.object({ archiveId: z.uuid() });

/** The ZIP is stored in pieces of about this size (Postgres rows; the export's worker yields 64 KiB at a time). */
const chunkBytes = 1024 * 1024;

/** This build is no longer the archive's current one (the archive was deleted, or a retry started another). */
class Superseded extends Error {}

export interface ExportArchiveJobDependencies {
  repository: Pick<ExportArchiveRepository, 'start' | 'append' | 'finish'>;
  archiveOf: ArchiveOf;
  kilnVersion: string;
  /** Tells the owner's open tabs the archive's new state. */
  tell: (archive: StoredArchive) => void;
  log: Logger;
  /** How often the size so far is told while the ZIP is built. */
  progressIntervalMs?: number;
}

/** Builds background exports from the queue, in whichever server takes the job (each runs this worker). */
export async function registerExportArchiveJob(queue: JobQueue, dependencies: ExportArchiveJobDependencies) {
  await queue.work(exportArchiveJobName, async ({ data }) =>
    buildArchive(jobSchema.parse(data).archiveId, dependencies),
  );
}

/**
 * Queues an archive's build. A job whose server died is taken again once, by any server, after 30 minutes (the
 * build starts over: the ZIP is not resumable); an archive already finished is left as it is, so a retry never
 * builds a second one. (A build running longer than that would be superseded by the retry's: only the current
 * attempt may write. 10,000 conversations take about a minute, bench:exports.)
 */
export async function queueExportArchive(queue: JobQueue, archiveId: string): Promise<void> {
  await queue.send(exportArchiveJobName, { archiveId }, { retries: 1, expireInSeconds: 30 * 60 });
}

/**
 * One build: the ZIP streamed from the export's worker thread (as a download would be) into Postgres a chunk at a
 * time, so memory stays flat however large it is; the size so far told to the owner's tabs a few times a second.
 * A failure marks the archive failed (the user asks again); the job itself succeeds, so it is not retried.
 */
export async function buildArchive(
  archiveId: string,
  dependencies: ExportArchiveJobDependencies,
): Promise<{ archiveId: string; status: string; bytes?: number }> {
  const { repository, tell, log } = dependencies;
  const archive = await repository.start(archiveId);
  if (!archive) return { archiveId, status: 'finished or removed' };
  tell(archive);
  const stream = dependencies.archiveOf(archive.scope === 'all' ? undefined : archive.ownerId, {
    kilnVersion: dependencies.kilnVersion,
    scope: archive.scope,
  });
  const interval = dependencies.progressIntervalMs ?? 500;
  let seq = 0;
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let told = Date.now();
  const flush = async () => {
    if (pendingBytes === 0) return;
    const piece = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    if (!(await repository.append(archive.id, archive.attempt, seq++, piece))) throw new Superseded();
    bytes += piece.length;
    if (Date.now() - told >= interval) {
      told = Date.now();
      tell({ ...archive, bytes });
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= chunkBytes) await flush();
    }
    await flush();
    const ready = await repository.finish(archive.id, archive.attempt, { status: 'ready' });
    if (!ready) return { archiveId, status: 'superseded' };
    tell(ready);
    return { archiveId, status: 'ready', bytes };
  } catch (error) {
    stream.destroy();
    if (error instanceof Superseded) return { archiveId, status: 'superseded' };
    log.error({ err: error, archiveId }, 'building an export failed');
    const failed = await repository.finish(archive.id, archive.attempt, {
      status: 'failed',
      error: 'The export could not be built. Try again; if it fails again, the server log says why.',
    });
    if (failed) tell(failed);
    return { archiveId, status: 'failed' };
  }
}
