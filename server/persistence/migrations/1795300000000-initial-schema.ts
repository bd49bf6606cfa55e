import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, their conversations and the message tree, each row carrying its owner. */
export class InitialSchema1795300000000 implements MigrationInterface {
  name = 'InitialSchema1795300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email))`);

    await queryRunner.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "The latest conversations of a user", newest first, keyset-paginated on (updated_at, id).
    await queryRunner.query(
      `CREATE INDEX conversations_owner_latest ON conversations (owner_id, updated_at DESC, id DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        parent_id uuid REFERENCES messages (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content text NOT NULL,
        status text NOT NULL CHECK (status IN ('streaming', 'complete', 'stopped', 'interrupted', 'failed')),
        usage jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // "A page of messages of a conversation", keyset-paginated on (created_at, id) going back in time.
    await queryRunner.query(
      `CREATE INDEX messages_conversation_page ON messages (conversation_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX messages_parent ON messages (parent_id)`);
    await queryRunner.query(`CREATE INDEX messages_owner ON messages (owner_id)`);
    // Start-up finds turns a crash left open without scanning every message.
    await queryRunner.query(`CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE messages`);
    await queryRunner.query(`DROP TABLE conversations`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
