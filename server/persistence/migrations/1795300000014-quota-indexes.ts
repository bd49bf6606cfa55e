import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily token quota sums one user's turns since midnight (UTC) before each turn: an index leading with the
 * owner keeps that a short range scan however many turns everyone else has.
 */
export class QuotaIndexes1795300000014 implements MigrationInterface {
  name = 'QuotaIndexes1795300000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX turns_owner_started ON turns (owner_id, started_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX turns_owner_started`);
  }
}
