import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pattern store's source of truth. Chroma holds vectors and the graph holds
 * relationships, both rebuildable from this table. `search` is the full-text
 * document: title (weight A), summary, tags and example questions (B), and the code's identifiers
 * split at camelCase and snake_case boundaries (C, no stemming).
 */
export class Patterns1795300000003 implements MigrationInterface {
  name = 'Patterns1795300000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    // array_to_string is only STABLE (it could depend on settings for other element types); for text[] it
    // cannot, so this wrapper may be IMMUTABLE, as generated columns require.
    await queryRunner.query(`
      CREATE FUNCTION kiln_words(words text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(words, ' ') $$`);
    await queryRunner.query(`
      CREATE TABLE patterns (
        id text PRIMARY KEY,
        title text NOT NULL,
        summary text NOT NULL,
        language text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        questions text[] NOT NULL DEFAULT '{}',
        code text NOT NULL,
        tests text,
        libraries jsonb NOT NULL DEFAULT '[]',
        source jsonb NOT NULL,
        identifiers text NOT NULL DEFAULT '',
        content_hash text NOT NULL,
        uses integer NOT NULL DEFAULT 0,
        successes integer NOT NULL DEFAULT 0,
        failures integer NOT NULL DEFAULT 0,
        last_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', summary || ' ' || kiln_words(tags) || ' ' || kiln_words(questions)), 'B') ||
          setweight(to_tsvector('simple', identifiers), 'C')
        ) STORED
      )`);
    await queryRunner.query(`CREATE INDEX patterns_search ON patterns USING gin (search)`);
    await queryRunner.query(`CREATE INDEX patterns_language ON patterns (language)`);
    await queryRunner.query(`CREATE UNIQUE INDEX patterns_content_hash ON patterns (content_hash)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE patterns`);
    await queryRunner.query(`DROP FUNCTION kiln_words(text[])`);
  }
}
