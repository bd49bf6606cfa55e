import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's decision on a code session's validated answer: approved (saved as a learned pattern, whose id is
 * kept) or rejected (with why). One decision per answer; it goes with the answer when the conversation goes,
 * while a learned pattern stays in the store with its provenance.
 */
export class SessionApprovals1795300000009 implements MigrationInterface {
  name = 'SessionApprovals1795300000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE session_approvals (
        message_id uuid PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        turn_id uuid NOT NULL,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
        note text,
        pattern_id text,
        duplicate boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_approvals`);
  }
}
