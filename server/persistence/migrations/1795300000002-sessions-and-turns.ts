import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions (opaque bearer tokens, stored hashed), the active branch of
 * each conversation, and turns: one row per answer Kiln produces, with the
 * routing decision, the engine, the outcome, and which server process ran it
 * (so start-up can tell turns a crash left open from turns still running).
 */
export class SessionsAndTurns1795300000002 implements MigrationInterface {
  name = 'SessionsAndTurns1795300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE auth_sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX auth_sessions_user ON auth_sessions (user_id)`);

    // The leaf of the branch the conversation shows; edits and regenerations move it.
    await queryRunner.query(
      `ALTER TABLE conversations ADD COLUMN active_leaf_id uuid REFERENCES messages (id) ON DELETE SET NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE turns (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        user_message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        assistant_message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('running', 'complete', 'stopped', 'interrupted', 'failed')),
        intent jsonb,
        engine jsonb NOT NULL,
        usage jsonb,
        latency jsonb,
        error jsonb,
        runner text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX turns_conversation ON turns (conversation_id, started_at DESC)`);
    await queryRunner.query(`CREATE INDEX turns_running ON turns (runner) WHERE status = 'running'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE turns`);
    await queryRunner.query(`ALTER TABLE conversations DROP COLUMN active_leaf_id`);
    await queryRunner.query(`DROP TABLE auth_sessions`);
  }
}
