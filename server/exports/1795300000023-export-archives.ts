import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports prepared in the background (ExportArchive): the request and its state, and the ZIP itself in chunks.
 * `attempt` counts the builds started: a build whose server died is started again by the job's retry, and only
 * the current attempt's chunks are read or may be written, so a build that was thought dead and is not cannot
 * mix its chunks with the new one's.
 */
export class ExportArchives1795300000023 implements MigrationInterface {
  name = 'ExportArchives1795300000023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE export_archives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        scope text NOT NULL CHECK (scope IN ('own', 'all')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'building', 'ready', 'failed')),
        attempt integer NOT NULL DEFAULT 0,
        bytes bigint NOT NULL DEFAULT 0,
        error text,
        file_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX export_archives_owner ON export_archives (owner_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX export_archives_expiry ON export_archives (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE export_archive_chunks (
        archive_id uuid NOT NULL REFERENCES export_archives (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (archive_id, attempt, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE export_archive_chunks`);
    await queryRunner.query(`DROP TABLE export_archives`);
  }
}
