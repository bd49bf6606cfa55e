import type { DataSource } from 'typeorm';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { TurnRepository } from '../chat/turn-repository.ts';
import { ConversationExporter } from './conversation-exporter.ts';
import { ExportRepository } from './export-repository.ts';
import { ExportService } from './export-service.ts';

/** Export, wired to Kiln's Postgres. */
export function exportService(dataSource: DataSource, audit: AuditLog, kilnVersion: string): ExportService {
  const repository = new ExportRepository(sqlHandle(dataSource));
  return new ExportService(
    new ConversationExporter(repository, new TurnRepository(dataSource), kilnVersion),
    repository,
    audit,
    kilnVersion,
  );
}
