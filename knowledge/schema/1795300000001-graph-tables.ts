import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge graph when it lives in Postgres (no NEO4J_URI): typed nodes
 * (Pattern, Library, Concept, ErrorSignature, …) and typed, directed edges
 * (USES, RELATED_TO, FIXES, DERIVED_FROM, SUPERSEDES, …).
 */
export class GraphTables1795300000001 implements MigrationInterface {
  name = 'GraphTables1795300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE graph_nodes (
        id text PRIMARY KEY,
        kind text NOT NULL,
        properties jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX graph_nodes_kind ON graph_nodes (kind)`);
    await queryRunner.query(`
      CREATE TABLE graph_edges (
        source_id text NOT NULL REFERENCES graph_nodes (id) ON DELETE CASCADE,
        kind text NOT NULL,
        target_id text NOT NULL REFERENCES graph_nodes (id) ON DELETE CASCADE,
        properties jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, kind, target_id)
      )`);
    // Neighbour look-ups go both ways: the primary key serves outgoing edges, this index incoming ones.
    await queryRunner.query(`CREATE INDEX graph_edges_incoming ON graph_edges (target_id, kind)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE graph_edges`);
    await queryRunner.query(`DROP TABLE graph_nodes`);
  }
}
