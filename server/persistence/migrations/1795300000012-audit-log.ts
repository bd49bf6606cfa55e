import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only rows of who did what (sign-ins, keys, roles, disabled users, exports). Rows outlive
 * the users they name (no foreign keys): an audit trail must not vanish with the account it is about.
 */
export class AuditLog1795300000012 implements MigrationInterface {
  name = 'AuditLog1795300000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        actor_id uuid,
        target_user_id uuid,
        address text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
