import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account control: a disabled user (`users.disabled_at`) has no working credential and cannot sign in; invites
 * let someone sign up when sign-up is by invitation. An invite's code is stored only as its SHA-256, is used
 * once, may be bound to an email and expires.
 */
export class AccountsAndInvites1795300000011 implements MigrationInterface {
  name = 'AccountsAndInvites1795300000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code_hash text NOT NULL UNIQUE,
        email text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by uuid REFERENCES users (id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    // "The pending invites", newest first.
    await queryRunner.query(
      `CREATE INDEX invites_pending ON invites (created_at DESC) WHERE used_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invites`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN disabled_at`);
  }
}
