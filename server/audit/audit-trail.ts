import type { AuditAction, AuditPage } from '../../protocol/audit.ts';

/** Which entries to read: all of one action, those naming one user (as actor or target), older than an entry. */
export interface AuditPageQuery {
  action?: AuditAction;
  userId?: string;
  /** The id of the last entry already shown: the page starts just before it. */
  before?: string;
  limit: number;
}

/**
 * The read side of the audit log, for admins: newest first, keyset-paginated (a page never skips or repeats an
 * entry, however many are written meanwhile), each entry with the emails of the users it names.
 */
export interface AuditTrail {
  page(query: AuditPageQuery): Promise<AuditPage>;
}
