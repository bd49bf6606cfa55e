import type { ChromaClient } from 'chromadb';
import type { SqlQuery } from '../platform/database/sql-query.ts';
import type { ReadinessCheck } from '../platform/infrastructure/readiness.ts';
import { connectGraph, type GraphConnection, type Neo4jSettings } from './graph/graph-connection.ts';
import { chromaStatus, createChromaClient } from './vector/chroma-client.ts';

/** The knowledge layer's connections beside Postgres: the Chroma client and the graph, with their readiness. */
export interface KnowledgeStores {
  chroma: ChromaClient;
  graph: GraphConnection;
  /** chroma and graph, both required for readiness. */
  readinessChecks: ReadinessCheck[];
  close(): Promise<void>;
}

/** Connects to Chroma at `chromaUrl` and to the graph (Neo4j when configured, else Postgres tables via `query`). */
export function connectKnowledgeStores(settings: {
  chromaUrl: string;
  neo4j: Neo4jSettings | undefined;
  query: SqlQuery;
}): KnowledgeStores {
  const chroma = createChromaClient(settings.chromaUrl);
  const graph = connectGraph(settings.neo4j, settings.query);
  return {
    chroma,
    graph,
    readinessChecks: [
      { name: 'chroma', required: true, run: () => chromaStatus(chroma, settings.chromaUrl) },
      { name: 'graph', required: true, run: () => graph.status() },
    ],
    close: () => graph.close(),
  };
}
