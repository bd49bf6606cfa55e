import neo4j, { type Driver } from 'neo4j-driver';
import type { SqlQuery } from '../../platform/database/sql-query.ts';

/**
 * Where the knowledge graph lives: Neo4j when NEO4J_URI is set, otherwise
 * tables in Postgres. The graph store (nodes, edges, neighbours, outcomes) is
 * built on top of this; here only the connection and its health.
 */
export type GraphConnection =
  | { kind: 'postgres'; query: SqlQuery; status(): Promise<GraphStatus>; close(): Promise<void> }
  | { kind: 'neo4j'; driver: Driver; status(): Promise<GraphStatus>; close(): Promise<void> };

export interface GraphStatus {
  ok: boolean;
  detail: string;
}

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string | undefined;
}

export function connectGraph(neo4jSettings: Neo4jSettings | undefined, query: SqlQuery): GraphConnection {
  if (neo4jSettings) return connectNeo4j(neo4jSettings);
  return {
    kind: 'postgres',
    query,
    async status() {
      try {
        const [row] = await query(
          `SELECT to_regclass('graph_nodes') IS NOT NULL AND to_regclass('graph_edges') IS NOT NULL AS present`,
        );
        if (!row?.present) return { ok: false, detail: 'graph tables are missing in Postgres (migrations not run?)' };
        return { ok: true, detail: 'graph in Postgres tables' };
      } catch (error) {
        return { ok: false, detail: `graph tables in Postgres unreachable: ${(error as Error).message}` };
      }
    },
    async close() {},
  };
}

function connectNeo4j(settings: Neo4jSettings): GraphConnection {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password ?? ''), {
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
  });
  return {
    kind: 'neo4j',
    driver,
    async status() {
      try {
        const info = await driver.getServerInfo();
        return { ok: true, detail: `Neo4j ${info.agent ?? ''} at ${info.address ?? settings.uri}`.replace('  ', ' ') };
      } catch (error) {
        return { ok: false, detail: `Neo4j at ${settings.uri} does not answer: ${(error as Error).message}` };
      }
    },
    close: () => driver.close(),
  };
}
