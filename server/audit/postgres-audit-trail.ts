import type { Sql } from '../../platform/database/sql-query.ts';
import type { AuditAction, AuditEntryView, AuditPage } from '../../protocol/audit.ts';
import type { AuditPageQuery, AuditTrail } from './audit-trail.ts';

interface AuditRow {
  id: string;
  at: Date;
  action: AuditAction;
  actor_id: string | null;
  actor_email: string | null;
  target_user_id: string | null;
  target_email: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

/**
 * The audit log read from Postgres in `(at, id)` order, which the `audit_log_at` index serves. The cursor is an
 * entry's id; the page continues below that entry's own `(at, id)`, read in the query (a time sent to the client
 * would lose Postgres' microseconds and could skip entries). An id that names no entry gives an empty page.
 */
export class PostgresAuditTrail implements AuditTrail {
  constructor(private readonly sql: Sql) {}

  async page(query: AuditPageQuery): Promise<AuditPage> {
    const rows = (await this.sql.query(
      `SELECT a.id, a.at, a.action, a.actor_id, actor.email AS actor_email, a.target_user_id,
              target.email AS target_email, a.address, a.detail
       FROM audit_log a
       LEFT JOIN users actor ON actor.id = a.actor_id
       LEFT JOIN users target ON target.id = a.target_user_id
       WHERE ($1::text IS NULL OR a.action = $1)
         AND ($2::uuid IS NULL OR a.actor_id = $2 OR a.target_user_id = $2)
         AND ($3::bigint IS NULL OR (a.at, a.id) < (SELECT at, id FROM audit_log WHERE id = $3))
       ORDER BY a.at DESC, a.id DESC
       LIMIT $4`,
      [query.action ?? null, query.userId ?? null, query.before ?? null, query.limit + 1],
    )) as unknown as AuditRow[];
    const entries = rows.slice(0, query.limit).map(entryOf);
    return { entries, nextBefore: rows.length > query.limit ? (entries.at(-1)?.id ?? null) : null };
  }
}

function entryOf(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    targetUserId: row.target_user_id,
    targetEmail: row.target_email,
    address: row.address,
    detail: row.detail,
  };
}
