import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects, their members (each with a role) and their sources (what is ingested into the project's patterns),
 * and the project a conversation is attached to. A source's `directory` is where its files are on this server
 * (the folder itself, or the unpacked archive or clone under the data directory); `counts` is its last ingest's
 * progress (`ProjectSourceCounts`).
 */
export class Projects1795300000016 implements MigrationInterface {
  name = 'Projects1795300000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE project_members (
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (project_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX project_members_user ON project_members (user_id)`);
    await queryRunner.query(`
      CREATE TABLE project_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('folder', 'archive', 'git')),
        location text NOT NULL,
        directory text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'ingesting', 'ready', 'failed')),
        counts jsonb NOT NULL DEFAULT '{}',
        error text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        ingested_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX project_sources_project ON project_sources (project_id, created_at)`);
    await queryRunner.query(
      `ALTER TABLE conversations ADD COLUMN project_id uuid REFERENCES projects (id) ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conversations DROP COLUMN project_id`);
    await queryRunner.query(`DROP TABLE project_sources`);
    await queryRunner.query(`DROP TABLE project_members`);
    await queryRunner.query(`DROP TABLE projects`);
  }
}
