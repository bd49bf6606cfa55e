import type { AuditEntry, AuditLog } from './audit-log.ts';

/** The audit log in an array, for unit tests. */
export class InMemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}
