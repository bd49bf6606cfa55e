import type { Logger } from 'pino';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';

/** The audit log in Postgres (`audit_log`). A failed write is logged, never thrown at the action it records. */
export class PostgresAuditLog implements AuditLog {
  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.sql.query(
        `INSERT INTO audit_log (action, actor_id, target_user_id, address, detail) VALUES ($1, $2, $3, $4, $5)`,
        [
          entry.action,
          entry.actorId,
          entry.targetUserId ?? null,
          entry.address ?? null,
          JSON.stringify(entry.detail ?? {}),
        ],
      );
    } catch (error) {
      this.log.error({ err: error, audit: entry }, 'writing the audit log failed');
    }
  }
}
