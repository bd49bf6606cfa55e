import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an answer showed besides its text (citations, tool calls, review
 * findings: `turns.details`, written when the turn ends), and the thumbs up or
 * down its owner gave it (one rating per answer, kept for learning).
 */
export class AnswerDetailsAndFeedback1795300000005 implements MigrationInterface {
  name = 'AnswerDetailsAndFeedback1795300000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE turns ADD COLUMN details jsonb`);
    await queryRunner.query(`CREATE INDEX turns_assistant_message ON turns (assistant_message_id)`);
    await queryRunner.query(`
      CREATE TABLE message_feedback (
        message_id uuid PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        rating text NOT NULL CHECK (rating IN ('up', 'down')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX message_feedback_latest ON message_feedback (updated_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE message_feedback`);
    await queryRunner.query(`DROP INDEX turns_assistant_message`);
    await queryRunner.query(`ALTER TABLE turns DROP COLUMN details`);
  }
}
