import { Readable } from 'node:stream';
import { z } from 'zod';
import type { ExportArchive } from '../../protocol/export-archive.ts';
import type { User } from '../../protocol/user.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { UnavailableError } from '../errors/unavailable-error.ts';
import type { ExportArchiveRepository, StoredArchive } from './export-archive-repository.ts';
import { attachment } from './export-file-name.ts';
import { archiveFileName, exportScope, type Download } from './export-service.ts';

/** How long a prepared export is kept. */
export const archiveLifetimeMs = 24 * 60 * 60 * 1000;

/** How many prepared exports a user keeps: asking for another deletes their oldest finished one. */
export const archivesKept = 5;

/** The view of a stored archive the API and the owner's tabs get. */
export function archiveView(archive: StoredArchive): ExportArchive {
  return {
    id: archive.id,
    scope: archive.scope,
    status: archive.status,
    bytes: archive.bytes,
    error: archive.error,
    fileName: archive.fileName,
    createdAt: archive.createdAt.toISOString(),
    finishedAt: archive.finishedAt?.toISOString() ?? null,
    expiresAt: archive.expiresAt.toISOString(),
    downloadUrl: archive.status === 'ready' ? `/api/v1/exports/archives/${archive.id}/download` : null,
  };
}

/**
 * Exports prepared in the background (`/api/v1/exports/archives`): asked for here, built by a queued job on any
 * server (export-archive-job.ts), downloaded from any server for a day. Only the one who asked sees an archive;
 * anyone else's is a 404, as one that does not exist.
 */
export class ExportArchiveService {
  constructor(
    private readonly dependencies: {
      repository: Pick<
        ExportArchiveRepository,
        'create' | 'prune' | 'pending' | 'find' | 'list' | 'chunkAfter' | 'remove'
      >;
      queue: (archiveId: string) => Promise<void>;
      audit: Pick<AuditLog, 'record'>;
    },
  ) {}

  /**
   * Asks for a ZIP of the caller's conversations (`all=true`: everyone's, admins only). While one of the same scope
   * is queued or being built, that one is the answer (`created: false`) rather than a second build. A user keeps
   * at most `archivesKept`: a new one deletes the oldest finished beyond that.
   */
  async request(user: User, query: unknown, address: string | null) {
    const scope = exportScope(user, query);
    const { repository } = this.dependencies;
    const pending = await repository.pending(user.id, scope);
    if (pending) return { archive: archiveView(pending), created: false };
    if (scope === 'all') await this.dependencies.audit.record({ action: 'export-all', actorId: user.id, address });
    const archive = await repository.create({
      ownerId: user.id,
      scope,
      fileName: archiveFileName(scope),
      keepFor: archiveLifetimeMs,
    });
    try {
      await this.dependencies.queue(archive.id);
    } catch (error) {
      // Nothing would build it: no archive is left waiting (or answering the next request) for a day.
      await repository.remove(archive.id, user.id);
      throw new UnavailableError('Kiln could not queue the export; try again in a moment.', { cause: error });
    }
    await repository.prune(user.id, archivesKept);
    return { archive: archiveView(archive), created: true };
  }

  async list(user: User): Promise<ExportArchive[]> {
    return (await this.dependencies.repository.list(user.id)).map(archiveView);
  }

  async get(user: User, id: string): Promise<ExportArchive> {
    return archiveView(await this.owned(user, id));
  }

  /** The ZIP of a ready archive, read from Postgres a chunk at a time as the client takes it. */
  async download(user: User, id: string): Promise<Download> {
    const archive = await this.owned(user, id);
    if (archive.status !== 'ready')
      throw new ConflictError(
        'export_not_ready',
        archive.status === 'failed' ? 'This export failed; ask for a new one.' : 'This export is not ready yet.',
      );
    const { repository } = this.dependencies;
    async function* chunks() {
      for (let seq = -1; ;) {
        const chunk = await repository.chunkAfter(archive.id, archive.attempt, seq);
        if (!chunk) return;
        seq = chunk.seq;
        yield chunk.data;
      }
    }
    return {
      body: Readable.from(chunks(), { objectMode: false }),
      contentType: 'application/zip',
      disposition: attachment(archive.fileName),
      length: archive.bytes,
    };
  }

  async remove(user: User, id: string): Promise<void> {
    if (!z.uuid().safeParse(id).success || !(await this.dependencies.repository.remove(id, user.id)))
      throw new NotFoundError('Export');
  }

  private async owned(user: User, id: string): Promise<StoredArchive> {
    const archive = z.uuid().safeParse(id).success ? await this.dependencies.repository.find(id) : undefined;
    if (!archive || archive.ownerId !== user.id) throw new NotFoundError('Export');
    return archive;
  }
}
