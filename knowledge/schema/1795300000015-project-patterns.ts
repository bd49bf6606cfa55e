import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patterns of a project (an ingested codebase its members search): `project_id` is set, and such patterns stay
 * out of the global store's search. They get no full-text postings (a project is searched by its own in-memory
 * index, `ProjectTextIndex`), and their content is unique within their project only, so the same file in two
 * projects, or a project file equal to a seed, is stored for each.
 */
export class ProjectPatterns1795300000015 implements MigrationInterface {
  name = 'ProjectPatterns1795300000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE patterns ADD COLUMN project_id uuid`);
    await queryRunner.query(`CREATE INDEX patterns_project ON patterns (project_id) WHERE project_id IS NOT NULL`);
    await queryRunner.query(`DROP INDEX patterns_content_hash`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX patterns_content_hash ON patterns (content_hash) WHERE project_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX patterns_project_content_hash ON patterns (project_id, content_hash) WHERE project_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION kiln_index_pattern_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.search = OLD.search AND NEW.language = OLD.language THEN RETURN NULL; END IF;
          DELETE FROM pattern_terms WHERE pattern_id = NEW.id;
        END IF;
        IF NEW.project_id IS NOT NULL THEN RETURN NULL; END IF;
        INSERT INTO pattern_terms (term, pattern_id, language, impact)
          SELECT t.term, NEW.id, NEW.language, t.impact FROM kiln_pattern_terms(NEW.search) AS t;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM patterns WHERE project_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION kiln_index_pattern_terms() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.search = OLD.search AND NEW.language = OLD.language THEN RETURN NULL; END IF;
          DELETE FROM pattern_terms WHERE pattern_id = NEW.id;
        END IF;
        INSERT INTO pattern_terms (term, pattern_id, language, impact)
          SELECT t.term, NEW.id, NEW.language, t.impact FROM kiln_pattern_terms(NEW.search) AS t;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP INDEX patterns_project_content_hash`);
    await queryRunner.query(`DROP INDEX patterns_content_hash`);
    await queryRunner.query(`CREATE UNIQUE INDEX patterns_content_hash ON patterns (content_hash)`);
    await queryRunner.query(`ALTER TABLE patterns DROP COLUMN project_id`);
  }
}
