import type { DataSource, EntityManager } from 'typeorm';

export type Rating = 'up' | 'down';

/** Thumbs up or down on answers, one per answer (its owner's). Raw SQL; callers have checked ownership. */
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Rates the answer; returns the rating it replaced (null when there was none). */
  async rate(messageId: string, ownerId: string, rating: Rating): Promise<Rating | null> {
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.lockedRating(manager, messageId);
      await manager.query(
        `INSERT INTO message_feedback (message_id, owner_id, rating) VALUES ($1, $2, $3)
         ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, updated_at = now()`,
        [messageId, ownerId, rating],
      );
      return previous;
    });
  }

  /** Takes the rating back; returns the rating removed (null when there was none). */
  async clear(messageId: string, ownerId: string): Promise<Rating | null> {
    return this.dataSource.transaction(async (manager) => {
      const previous = await this.lockedRating(manager, messageId);
      await manager.query(`DELETE FROM message_feedback WHERE message_id = $1 AND owner_id = $2`, [messageId, ownerId]);
      return previous;
    });
  }

  /** The answer's rating, read under a lock held until commit: each change learns exactly what it replaced. */
  private async lockedRating(manager: EntityManager, messageId: string): Promise<Rating | null> {
    // An advisory lock, since there may be no row to lock yet (two first ratings at once).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('message_feedback'), hashtext($1))`, [messageId]);
    const [row] = (await manager.query(`SELECT rating FROM message_feedback WHERE message_id = $1`, [messageId])) as {
      rating: Rating;
    }[];
    return row?.rating ?? null;
  }
}
