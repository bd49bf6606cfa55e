import neo4j, { type Driver } from 'neo4j-driver';
import {
  edgeKinds,
  type EdgeKind,
  type GraphEdge,
  type GraphNode,
  type GraphStore,
  type Neighbour,
  type NodeKind,
} from './graph-store.ts';

const nodeKinds: NodeKind[] = ['Pattern', 'Library', 'Concept', 'ErrorSignature'];

/**
 * Every Cypher statement this adapter sends, by name. Labels and relationship
 * types cannot be parameters in Cypher, so statements that need one are built
 * per kind from the fixed lists above — never from input.
 */
export const cypher = {
  constraint: (kind: NodeKind) =>
    `CREATE CONSTRAINT kiln_${kind.toLowerCase()}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE`,
  mergeNodes: (kind: NodeKind) =>
    `UNWIND $nodes AS node MERGE (n:${kind} {id: node.id}) SET n += node.properties, n.kind = '${kind}'`,
  deleteOutgoing: `UNWIND $ids AS id MATCH (n {id: id})-[r]->() DELETE r`,
  mergeEdges: (kind: EdgeKind) =>
    `UNWIND $edges AS edge MATCH (a {id: edge.from}), (b {id: edge.to}) MERGE (a)-[:${kind}]->(b)`,
  neighbours: `UNWIND $ids AS id
MATCH (origin {id: id})-[r]-(node)
WHERE $edges IS NULL OR type(r) IN $edges
RETURN origin.id AS origin, type(r) AS edge, CASE WHEN startNode(r) = origin THEN 'out' ELSE 'in' END AS direction,
       node.id AS id, node.kind AS kind, properties(node) AS properties
LIMIT $limit`,
  remove: `UNWIND $ids AS id MATCH (n {id: id}) DETACH DELETE n`,
} as const;

/** Every statement the adapter can issue, for the syntax tests. */
export function allCypherStatements(): string[] {
  return [
    ...nodeKinds.map(cypher.constraint),
    ...nodeKinds.map(cypher.mergeNodes),
    cypher.deleteOutgoing,
    ...edgeKinds.map(cypher.mergeEdges),
    cypher.neighbours,
    cypher.remove,
  ];
}

/** The graph on Neo4j (NEO4J_URI), through `neo4j-driver`. Constraints are created once, at first use. */
export class Neo4jGraphStore implements GraphStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly driver: Driver) {}

  async write(change: { nodes: GraphNode[]; edges: GraphEdge[]; replaceEdgesOf: string[] }): Promise<void> {
    await this.ensureConstraints();
    const session = this.driver.session();
    try {
      await session.executeWrite(async (transaction) => {
        for (const kind of nodeKinds) {
          const nodes = change.nodes
            .filter((node) => node.kind === kind)
            .map((node) => ({ id: node.id, properties: node.properties }));
          if (nodes.length) await transaction.run(cypher.mergeNodes(kind), { nodes });
        }
        if (change.replaceEdgesOf.length) await transaction.run(cypher.deleteOutgoing, { ids: change.replaceEdgesOf });
        for (const kind of edgeKinds) {
          const edges = change.edges
            .filter((edge) => edge.kind === kind)
            .map((edge) => ({ from: edge.from, to: edge.to }));
          if (edges.length) await transaction.run(cypher.mergeEdges(kind), { edges });
        }
      });
    } finally {
      await session.close();
    }
  }

  async neighbours(ids: string[], options: { edges?: EdgeKind[]; limit?: number } = {}): Promise<Neighbour[]> {
    if (ids.length === 0) return [];
    const session = this.driver.session();
    try {
      // LIMIT needs an integer, and plain JavaScript numbers travel as floats: hence neo4j.int.
      const result = await session.executeRead((transaction) =>
        transaction.run(cypher.neighbours, {
          ids,
          edges: options.edges ?? null,
          limit: neo4j.int(options.limit ?? 200),
        }),
      );
      return result.records.map((record) => ({
        origin: record.get('origin') as string,
        edge: record.get('edge') as EdgeKind,
        direction: record.get('direction') as 'out' | 'in',
        node: {
          id: record.get('id') as string,
          kind: record.get('kind') as NodeKind,
          properties: withoutBookkeeping(record.get('properties') as Record<string, string | number | boolean>),
        },
      }));
    } finally {
      await session.close();
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const session = this.driver.session();
    try {
      await session.executeWrite((transaction) => transaction.run(cypher.remove, { ids }));
    } finally {
      await session.close();
    }
  }

  private ensureConstraints(): Promise<void> {
    this.ready ??= (async () => {
      const session = this.driver.session();
      try {
        for (const kind of nodeKinds) await session.run(cypher.constraint(kind));
      } finally {
        await session.close();
      }
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

function withoutBookkeeping(properties: Record<string, string | number | boolean>) {
  const { id: _id, kind: _kind, ...rest } = properties;
  return rest;
}
