import type { DataSource } from 'typeorm';

export type Rating = 'up' | 'down';

/** Thumbs up or down on answers, one per answer (its owner's). Raw SQL; callers have checked ownership. */
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async rate(messageId: string, ownerId: string, rating: Rating): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO message_feedback (message_id, owner_id, rating) VALUES ($1, $2, $3)
       ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, updated_at = now()`,
      [messageId, ownerId, rating],
    );
  }

  async clear(messageId: string, ownerId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM message_feedback WHERE message_id = $1 AND owner_id = $2`, [
      messageId,
      ownerId,
    ]);
  }
}
