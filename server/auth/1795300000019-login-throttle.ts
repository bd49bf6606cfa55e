import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The login throttle's state, shared by every Kiln instance on this database: a token bucket per client address
 * (or IPv6 /64) and a back-off per account. Rows idle long enough to have no effect are swept.
 */
export class LoginThrottle1795300000019 implements MigrationInterface {
  name = 'LoginThrottle1795300000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_address_buckets (
         address text PRIMARY KEY,
         tokens double precision NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE login_account_backoffs (
         account text PRIMARY KEY,
         strikes integer NOT NULL,
         blocked_until timestamptz NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_account_backoffs`);
    await queryRunner.query(`DROP TABLE login_address_buckets`);
  }
}
