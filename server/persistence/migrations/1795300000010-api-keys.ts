import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys: long-lived bearer credentials for scripts and integrations, each with its scopes. Stored as the
 * SHA-256 of the key (like sessions); revoked keys keep their row so their owner sees when they were revoked.
 */
export class ApiKeys1795300000010 implements MigrationInterface {
  name = 'ApiKeys1795300000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_user ON api_keys (user_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_keys`);
  }
}
