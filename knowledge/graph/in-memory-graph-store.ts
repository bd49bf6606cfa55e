import type { EdgeKind, GraphEdge, GraphNode, GraphStore, Neighbour } from './graph-store.ts';

/** The graph in memory: the twin of the Postgres and Neo4j stores for unit tests (same contract). */
export class InMemoryGraphStore implements GraphStore {
  private readonly nodes = new Map<string, GraphNode>();
  private edges: GraphEdge[] = [];

  async write(change: { nodes: GraphNode[]; edges: GraphEdge[]; replaceEdgesOf: string[] }): Promise<void> {
    for (const node of change.nodes) {
      const stored = this.nodes.get(node.id);
      this.nodes.set(node.id, { ...node, properties: { ...stored?.properties, ...node.properties } });
    }
    const replaced = new Set(change.replaceEdgesOf);
    this.edges = this.edges.filter((edge) => !replaced.has(edge.from));
    for (const edge of change.edges) {
      const known = this.edges.some(
        (other) => other.from === edge.from && other.kind === edge.kind && other.to === edge.to,
      );
      if (!known) this.edges.push({ ...edge });
    }
  }

  async neighbours(ids: string[], options: { edges?: EdgeKind[]; limit?: number } = {}): Promise<Neighbour[]> {
    const wanted = new Set(ids);
    const kinds = options.edges ? new Set(options.edges) : undefined;
    const found: Neighbour[] = [];
    for (const edge of this.edges) {
      if (kinds && !kinds.has(edge.kind)) continue;
      const target = this.nodes.get(edge.to);
      const source = this.nodes.get(edge.from);
      if (wanted.has(edge.from) && target)
        found.push({ origin: edge.from, edge: edge.kind, direction: 'out', node: target });
      if (wanted.has(edge.to) && source)
        found.push({ origin: edge.to, edge: edge.kind, direction: 'in', node: source });
    }
    return found.slice(0, options.limit ?? 200);
  }

  async remove(ids: string[]): Promise<void> {
    const removed = new Set(ids);
    for (const id of ids) this.nodes.delete(id);
    this.edges = this.edges.filter((edge) => !removed.has(edge.from) && !removed.has(edge.to));
  }
}
