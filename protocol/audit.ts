/** What the audit log records: who did what to whom, from where. */
export const auditActions = [
  'sign-in',
  'sign-in-failed',
  'sign-up',
  'sign-out',
  'api-key-created',
  'api-key-revoked',
  'role-changed',
  'user-disabled',
  'user-enabled',
  'invite-created',
  'invite-revoked',
  'export-all',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** One audit entry as `GET /api/v1/admin/audit` serves it, with the emails of the users it names. */
export interface AuditEntryView {
  /** Increasing with time; stable. */
  id: string;
  at: Date;
  action: AuditAction;
  actorId: string | null;
  /** Null when there was no actor, or its account was deleted since. */
  actorEmail: string | null;
  targetUserId: string | null;
  targetEmail: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

/** A page of the audit log, newest first; pass `nextBefore` as `before` for the next (older) page. */
export interface AuditPage {
  entries: AuditEntryView[];
  nextBefore: string | null;
}
