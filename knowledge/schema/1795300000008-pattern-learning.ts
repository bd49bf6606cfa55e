import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What Kiln learns from outcomes (see docs/learning.md). Patterns get thumbs counts beside their run counts and
 * a status: `active`, `flagged` (it keeps failing; set and cleared by its record) or `retired` (an admin took it
 * out of retrieval), and a fingerprint of their code with comments and whitespace left out, so a learned
 * pattern that only reformats a stored one is seen as the same. `pattern_outcomes` keeps every outcome (runs,
 * thumbs, fixes) for the pattern page's history and the Knowledge page's daily figures.
 */
export class PatternLearning1795300000008 implements MigrationInterface {
  name = 'PatternLearning1795300000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Comments as each language writes them; a `//` or `#` inside a string goes too, alike on both sides compared.
    await queryRunner.query(`
      CREATE FUNCTION kiln_code_fingerprint(language text, code text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT md5(language || ' ' || regexp_replace(
          CASE
            WHEN language IN ('typescript', 'javascript')
              THEN regexp_replace(regexp_replace(code, '/\\*.*?\\*/', '', 'g'), '//[^\\n]*', '', 'g')
            WHEN language IN ('python', 'shell') THEN regexp_replace(code, '#[^\\n]*', '', 'g')
            WHEN language = 'sql'
              THEN regexp_replace(regexp_replace(code, '/\\*.*?\\*/', '', 'g'), '--[^\\n]*', '', 'g')
            ELSE code
          END, '\\s+', '', 'g'))
      $$`);
    await queryRunner.query(`
      ALTER TABLE patterns
        ADD COLUMN feedback_up integer NOT NULL DEFAULT 0,
        ADD COLUMN feedback_down integer NOT NULL DEFAULT 0,
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'flagged', 'retired')),
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN retired_by text,
        ADD COLUMN flagged_at timestamptz,
        ADD COLUMN code_fingerprint text GENERATED ALWAYS AS (kiln_code_fingerprint(language, code)) STORED`);
    await queryRunner.query(`CREATE INDEX patterns_code_fingerprint ON patterns (code_fingerprint)`);
    // Few rows: retrieval reads the retired ids on every search, the Knowledge page the flagged and retired ones.
    await queryRunner.query(`CREATE INDEX patterns_not_active ON patterns (status) WHERE status <> 'active'`);
    await queryRunner.query(
      `CREATE INDEX patterns_learned ON patterns (created_at DESC) WHERE source->>'kind' = 'learned'`,
    );
    await queryRunner.query(`
      CREATE TABLE pattern_outcomes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        pattern_id text NOT NULL REFERENCES patterns (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('run', 'feedback', 'fix')),
        verdict text NOT NULL CHECK (verdict IN ('success', 'failure', 'up', 'down')),
        run_id uuid,
        error_id text,
        error_message text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    // A pattern's recent history, newest first; and runs per day across all patterns.
    await queryRunner.query(`CREATE INDEX pattern_outcomes_recent ON pattern_outcomes (pattern_id, at DESC)`);
    await queryRunner.query(
      `CREATE INDEX pattern_outcomes_daily ON pattern_outcomes (at) INCLUDE (verdict, run_id) WHERE kind = 'run'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE pattern_outcomes`);
    await queryRunner.query(`DROP INDEX patterns_learned`);
    await queryRunner.query(`DROP INDEX patterns_not_active`);
    await queryRunner.query(`
      ALTER TABLE patterns
        DROP COLUMN feedback_up, DROP COLUMN feedback_down, DROP COLUMN status,
        DROP COLUMN retired_at, DROP COLUMN retired_by, DROP COLUMN flagged_at, DROP COLUMN code_fingerprint`);
    await queryRunner.query(`DROP FUNCTION kiln_code_fingerprint(text, text)`);
  }
}
