import type { DataSource } from 'typeorm';
import { poolOf, sqlHandle } from '../../platform/database/sql-handle.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { TurnRepository } from '../chat/turn-repository.ts';
import { ConversationExporter } from './conversation-exporter.ts';
import { exportInWorker } from './export-in-worker.ts';
import type { ExportDatabase } from './export-job.ts';
import { ExportRepository } from './export-repository.ts';
import { ExportService, type ArchiveOf } from './export-service.ts';

/** Export, wired to Kiln's Postgres: one conversation in this process, everything in a worker thread. */
export function exportService(dataSource: DataSource, audit: AuditLog, kilnVersion: string): ExportService {
  const repository = new ExportRepository(sqlHandle(dataSource));
  return new ExportService(
    new ConversationExporter(repository, new TurnRepository(dataSource), kilnVersion),
    exportArchiveOf(dataSource),
    audit,
    kilnVersion,
  );
}

/** The ZIP of every conversation of an owner (everyone's for none), built in a worker thread on Kiln's Postgres. */
export function exportArchiveOf(dataSource: DataSource): ArchiveOf {
  const database = connectionOf(dataSource);
  return (ownerId, header) => exportInWorker({ database, ownerId: ownerId ?? null, ...header });
}

/** The connection settings of the DataSource's pg pool, as plain data a worker thread can be given. */
function connectionOf(dataSource: DataSource): ExportDatabase {
  const options = poolOf(dataSource).options as unknown as Record<string, unknown>;
  const settings: ExportDatabase = {};
  for (const key of ['connectionString', 'host', 'port', 'user', 'password', 'database', 'ssl'] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'function') Object.assign(settings, { [key]: value });
  }
  return settings;
}
