export type NodeKind = 'Pattern' | 'Library' | 'Concept' | 'ErrorSignature';
export type EdgeKind = 'USES' | 'RELATED_TO' | 'FIXES' | 'DERIVED_FROM' | 'SUPERSEDES';
export const edgeKinds: EdgeKind[] = ['USES', 'RELATED_TO', 'FIXES', 'DERIVED_FROM', 'SUPERSEDES'];

export interface GraphNode {
  /** Namespaced by kind: `pattern:ts-debounce`, `library:node`, `concept:timing`, `error:<hash>`. */
  id: string;
  kind: NodeKind;
  properties: Record<string, string | number | boolean>;
}

export interface GraphEdge {
  from: string;
  kind: EdgeKind;
  to: string;
}

export interface Neighbour {
  /** The node the walk started from. */
  origin: string;
  edge: EdgeKind;
  /** `out`: origin -edge-> node; `in`: node -edge-> origin. */
  direction: 'out' | 'in';
  node: GraphNode;
}

/**
 * The knowledge graph: patterns and what they use, relate to, fix and
 * supersede. Implemented on Postgres tables (embedded default) and on Neo4j.
 * Every method throws when the store is unreachable (callers degrade).
 */
export interface GraphStore {
  /** Creates or updates the nodes, then makes the outgoing edges of each `replaceEdgesOf` node exactly those given from it. */
  write(change: { nodes: GraphNode[]; edges: GraphEdge[]; replaceEdgesOf: string[] }): Promise<void>;
  /** Nodes one edge away from any of `ids`, in both directions, optionally only through some edge kinds. */
  neighbours(ids: string[], options?: { edges?: EdgeKind[]; limit?: number }): Promise<Neighbour[]>;
  /** Deletes nodes and their edges. */
  remove(ids: string[]): Promise<void>;
}

export const patternNodeId = (patternId: string) => `pattern:${patternId}`;
export const patternIdOfNode = (nodeId: string) =>
  nodeId.startsWith('pattern:') ? nodeId.slice('pattern:'.length) : undefined;
