import type { Logger } from 'pino';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { forgetIngestedSource } from '../../knowledge/ingest/ingest-folder.ts';
import type { ProjectSettings } from '../../platform/config/config.ts';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { ProjectSource } from '../../protocol/project.ts';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import type { RunEventListener } from '../runs/run-event-listener.ts';
import { queueProjectIngest, registerProjectIngestJob } from './project-ingest-job.ts';
import { sourceView, type ProjectRepository, type StoredSource } from './project-repository.ts';
import { ProjectService } from './project-service.ts';

/** Notified with a source's id whenever its status or progress changes, by whichever process ingests it. */
const projectSourcesChannel = 'kiln_project_sources';

/**
 * Projects in this server: the service behind `/api/v1/projects`, the ingest job on the queue (in this process
 * whatever KILN_WORKERS says: ingest writes the vector index, which only the server opens), and progress told
 * to every member's open tabs through Postgres notifications, so a tab on another process hears it too.
 * Sources a stopped process left `ingesting` are queued again.
 */
export async function startProjects(dependencies: {
  sql: Sql;
  repository: ProjectRepository;
  knowledge: KnowledgeBase;
  queue: JobQueue;
  listener: RunEventListener;
  settings: ProjectSettings;
  /** Sends a source's new state to a user's open tabs. */
  tell: (userId: string, source: ProjectSource) => void;
  log: Logger;
}): Promise<ProjectService> {
  const { sql, repository, knowledge, queue, log } = dependencies;
  const announce = async (source: StoredSource) => {
    await sql.query(`SELECT pg_notify($1, $2)`, [projectSourcesChannel, source.id]);
  };
  await dependencies.listener.hear(projectSourcesChannel, (sourceId) => {
    void (async () => {
      const source = await repository.source(sourceId);
      if (!source) return;
      for (const userId of await repository.memberIds(source.projectId)) dependencies.tell(userId, sourceView(source));
    })().catch((error: unknown) => log.warn({ err: error }, 'telling members about a project source failed'));
  });
  const patternIdsOf = (scope: { sourceId: string } | { projectId: string }) =>
    'sourceId' in scope
      ? knowledge.patterns.idsOfSource(scope.sourceId)
      : knowledge.patterns.idsOfProject(scope.projectId);
  await registerProjectIngestJob(queue, {
    sql,
    repository,
    indexer: knowledge.indexer,
    announce,
    patternIdsOf,
    roots: dependencies.settings.roots,
    log: log.child({ component: 'projects' }),
  });
  for (const source of await repository.sourcesLeftIngesting()) {
    await repository.updateSource(source.id, { status: 'queued' });
    await queueProjectIngest(queue, source.id);
  }
  return new ProjectService({
    repository,
    removePatterns: async (ids) => knowledge.indexer.remove(ids),
    forgetSource: (sourceId) => forgetIngestedSource(sql, sourceId),
    patternIdsOf,
    queueIngest: (sourceId) => queueProjectIngest(queue, sourceId),
    announce,
    settings: dependencies.settings,
  });
}
