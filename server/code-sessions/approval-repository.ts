import type { DataSource } from 'typeorm';

export interface ApprovalRow {
  messageId: string;
  turnId: string;
  ownerId: string;
  decision: 'approve' | 'reject';
  note: string | null;
}

/** Decisions on code sessions (`session_approvals`). One per answer: `claim` is how a decision is taken. */
export class ApprovalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the decision unless the answer already has one; answers whether this call took it. */
  async claim(row: ApprovalRow): Promise<boolean> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO session_approvals (message_id, turn_id, owner_id, decision, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO NOTHING RETURNING created_at`,
      [row.messageId, row.turnId, row.ownerId, row.decision, row.note],
    )) as { created_at: Date }[];
    return inserted.length === 1;
  }

  async setPattern(messageId: string, patternId: string, duplicate: boolean): Promise<Date> {
    const result = (await this.dataSource.query(
      `UPDATE session_approvals SET pattern_id = $2, duplicate = $3 WHERE message_id = $1 RETURNING created_at`,
      [messageId, patternId, duplicate],
    )) as unknown[];
    // TypeORM answers an UPDATE on Postgres as [rows, affected count].
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { created_at: Date }[];
    return rows[0]?.created_at ?? new Date();
  }

  /** Takes back a claim whose work failed, so the user can try again. */
  async release(messageId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session_approvals WHERE message_id = $1`, [messageId]);
  }
}
