import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What ingest saw of each file, so a second run skips unchanged files and removes patterns of deleted ones. */
export class IngestedFiles1795300000004 implements MigrationInterface {
  name = 'IngestedFiles1795300000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ingested_files (
        root text NOT NULL,
        path text NOT NULL,
        content_hash text NOT NULL,
        pattern_ids text[] NOT NULL DEFAULT '{}',
        ingested_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (root, path)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ingested_files`);
  }
}
