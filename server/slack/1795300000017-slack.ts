import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Slack adapter's state. `slack_events`: each Events API / Socket Mode `event_id` Kiln has taken, so a retry
 * or a second Kiln instance never answers twice (rows older than the retention window are swept).
 * `slack_accounts`: which Kiln account a Slack user (per team) is, auto-created or linked with a one-time code
 * from `slack_link_codes` (only its hash is stored). `slack_threads`: one Slack thread is one Kiln conversation;
 * a DM's ongoing conversation has the thread `''`. `users.origin` tells accounts Slack created (no password),
 * which neither become the first admin nor count as the installation's first account.
 */
export class Slack1795300000017 implements MigrationInterface {
  name = 'Slack1795300000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users ADD COLUMN origin text NOT NULL DEFAULT 'web' CHECK (origin IN ('web', 'slack'))`,
    );
    await queryRunner.query(`
      CREATE TABLE slack_events (
        event_id text PRIMARY KEY,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX slack_events_received ON slack_events (received_at)`);
    await queryRunner.query(`
      CREATE TABLE slack_accounts (
        team_id text NOT NULL,
        slack_user_id text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        linked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, slack_user_id)
      )`);
    await queryRunner.query(`CREATE INDEX slack_accounts_user ON slack_accounts (user_id)`);
    await queryRunner.query(`
      CREATE TABLE slack_link_codes (
        code_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX slack_link_codes_user ON slack_link_codes (user_id)`);
    await queryRunner.query(`
      CREATE TABLE slack_threads (
        team_id text NOT NULL,
        channel_id text NOT NULL,
        thread_ts text NOT NULL,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, channel_id, thread_ts)
      )`);
    await queryRunner.query(`CREATE INDEX slack_threads_conversation ON slack_threads (conversation_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE slack_threads`);
    await queryRunner.query(`DROP TABLE slack_link_codes`);
    await queryRunner.query(`DROP TABLE slack_accounts`);
    await queryRunner.query(`DROP TABLE slack_events`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN origin`);
  }
}
