import type { Sql } from '../../platform/database/sql-query.ts';
import {
  edgeKinds,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphStore,
  type Neighbour,
  type NodeKind,
} from './graph-store.ts';

/** The graph in two Postgres tables (`graph_nodes`, `graph_edges`): the default when no Neo4j is configured. */
export class PostgresGraphStore implements GraphStore {
  constructor(private readonly sql: Sql) {}

  /** Node properties are merged into what is stored, never erased by a bare node. */
  async write(change: { nodes: GraphNode[]; edges: GraphEdge[]; replaceEdgesOf: string[] }): Promise<void> {
    await this.sql.transaction(async (query) => {
      if (change.nodes.length) {
        await query(
          `INSERT INTO graph_nodes (id, kind, properties)
           SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, properties = graph_nodes.properties || EXCLUDED.properties, updated_at = now()
           WHERE graph_nodes.kind <> EXCLUDED.kind OR NOT graph_nodes.properties @> EXCLUDED.properties`,
          [
            change.nodes.map((node) => node.id),
            change.nodes.map((node) => node.kind),
            change.nodes.map((node) => JSON.stringify(node.properties)),
          ],
        );
      }
      if (change.replaceEdgesOf.length) {
        await query(`DELETE FROM graph_edges WHERE source_id = ANY($1::text[])`, [change.replaceEdgesOf]);
      }
      if (change.edges.length) {
        await query(
          `INSERT INTO graph_edges (source_id, kind, target_id)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
           ON CONFLICT DO NOTHING`,
          [
            change.edges.map((edge) => edge.from),
            change.edges.map((edge) => edge.kind),
            change.edges.map((edge) => edge.to),
          ],
        );
      }
    });
  }

  async neighbours(ids: string[], options: { edges?: EdgeKind[]; limit?: number } = {}): Promise<Neighbour[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query(
      // Not prepared: a generic plan cannot know how many ids come, and at 10k patterns one cached after a few
      // large calls (the indexer asks about a thousand patterns at once) scanned every edge for three ids, 15 ms.
      `SELECT e.source_id AS origin, e.kind AS edge, 'out' AS direction, n.id, n.kind, n.properties
       FROM graph_edges e JOIN graph_nodes n ON n.id = e.target_id
       WHERE e.source_id = ANY($1::text[]) AND e.kind = ANY($2::text[])
       UNION ALL
       SELECT e.target_id, e.kind, 'in', n.id, n.kind, n.properties
       FROM graph_edges e JOIN graph_nodes n ON n.id = e.source_id
       WHERE e.target_id = ANY($1::text[]) AND e.kind = ANY($2::text[])
       LIMIT $3`,
      [ids, options.edges ?? edgeKinds, options.limit ?? 200],
    );
    return rows.map((row) => ({
      origin: String(row.origin),
      edge: row.edge as EdgeKind,
      direction: row.direction as 'out' | 'in',
      node: { id: String(row.id), kind: row.kind as NodeKind, properties: row.properties as GraphNode['properties'] },
    }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) await this.sql.query(`DELETE FROM graph_nodes WHERE id = ANY($1::text[])`, [ids]);
  }
}
