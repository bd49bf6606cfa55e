import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin's usage report reads every user's turns and runs of the last N days. The existing indexes lead with
 * a conversation or an owner, so without these that report scans both tables whole, however short the window.
 */
export class UsageIndexes1795300000013 implements MigrationInterface {
  name = 'UsageIndexes1795300000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX turns_started ON turns (started_at)`);
    await queryRunner.query(`CREATE INDEX runs_created ON runs (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX runs_created`);
    await queryRunner.query(`DROP INDEX turns_started`);
  }
}
