import type { AuditAction } from '../../protocol/audit.ts';

// The actions live in protocol/ (the admin page filters by them); re-exported for the callers of `record`.
export { auditActions, type AuditAction } from '../../protocol/audit.ts';

export interface AuditEntry {
  action: AuditAction;
  /** The user who acted; null when unknown (a failed sign-in for an email with no account). */
  actorId: string | null;
  /** The user acted upon, when it is not the actor. */
  targetUserId?: string | null;
  /** The client address the request came from, when there was a request. */
  address?: string | null;
  /** Small, non-secret facts: an email tried, a key's name and scopes, a new role. Never a password or a key. */
  detail?: Record<string, unknown>;
}

/**
 * The audit log port: append-only; an admin reads it (`GET /api/v1/admin/audit`). Recording must not fail the
 * action it records: adapters log and swallow their own failures.
 */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
