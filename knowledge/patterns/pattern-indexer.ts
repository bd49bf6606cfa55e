import type { Logger } from 'pino';
import type { Embedder } from '../embedding/embedder.ts';
import { errorNodeId } from '../errors/error-signature.ts';
import { signatureOfMessage } from '../errors/find-error.ts';
import { patternDocument } from '../embedding/pattern-document.ts';
import { patternNodeId, type EdgeKind, type GraphEdge, type GraphNode, type GraphStore } from '../graph/graph-store.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import type { PatternInput } from './pattern.ts';
import type { PatternRepository, UpsertOutcome } from './pattern-repository.ts';

/** A pattern to index, with the graph edges it brings (beyond its libraries and tags, which are derived). */
export interface IndexablePattern {
  pattern: PatternInput;
  related?: string[];
  supersedes?: string[];
  derivedFrom?: string[];
  fixes?: string[];
}

export interface IndexReport {
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  /** Set when vectors could not be written (Chroma down); the patterns are stored and searchable by text. */
  vectorError?: string;
  graphError?: string;
}

/**
 * Writes patterns to the store: Postgres first (the source of truth), then
 * their vectors and graph edges. Unchanged patterns cost one round trip and
 * are not re-embedded (after the vector index is rebuilt, `reembedAll` does that).
 */
export class PatternIndexer {
  constructor(
    private readonly patterns: PatternRepository,
    private readonly embedder: Embedder,
    private readonly vectors: () => Promise<VectorIndex>,
    private readonly graph: GraphStore,
    private readonly log: Logger,
    /** Where project patterns' vectors go (a collection of their own, so the global one holds only its own). */
    private readonly projectVectors: () => Promise<VectorIndex> = vectors,
  ) {}

  async index(items: IndexablePattern[]): Promise<IndexReport> {
    const report: IndexReport = { created: 0, updated: 0, unchanged: 0, duplicates: 0 };
    const changed: IndexablePattern[] = [];
    for (const item of items) {
      const outcome: UpsertOutcome = await this.patterns.upsert(item.pattern);
      report[outcome === 'duplicate' ? 'duplicates' : outcome] += 1;
      if (outcome === 'created' || outcome === 'updated') changed.push(item);
    }
    if (changed.length === 0) return report;
    try {
      const global = changed.filter((item) => !item.pattern.projectId).map((item) => item.pattern);
      const ofProjects = changed.filter((item) => item.pattern.projectId).map((item) => item.pattern);
      if (global.length) await this.writeVectors(await this.vectors(), global);
      if (ofProjects.length) await this.writeVectors(await this.projectVectors(), ofProjects);
    } catch (error) {
      report.vectorError = (error as Error).message;
      this.log.warn(
        { err: error },
        'pattern vectors not written; the patterns are searchable by text until the next index run',
      );
    }
    // A project's patterns stay out of the graph: its edges (libraries, tags' concepts) would tie them to the
    // global store's patterns, and graph expansion would then surface them in searches of non-members.
    const graphItems = changed.filter((item) => !item.pattern.projectId);
    if (graphItems.length === 0) return report;
    try {
      const change = graphChange(graphItems);
      // A changed pattern's edges are rewritten from what it says, but errors it was seen to fix (learning adds
      // those FIXES edges) stay: they are evidence from outcomes, not something the pattern's text declares.
      const declared = new Set(change.edges.map(edgeKey));
      const learned = (await this.storedEdges(change.replaceEdgesOf, ['FIXES'])).filter(
        (edge) => !declared.has(edgeKey(edge)),
      );
      await this.graph.write({ ...change, edges: [...change.edges, ...learned] });
    } catch (error) {
      report.graphError = (error as Error).message;
      this.log.warn({ err: error }, 'pattern graph edges not written');
    }
    return report;
  }

  /** Embeds every stored pattern again (after the vector index was rebuilt); returns how many. */
  async reembedAll(pageSize = 500): Promise<number> {
    const index = await this.vectors();
    let done = 0;
    for (let offset = 0; ; offset += pageSize) {
      const { patterns } = await this.patterns.list({ limit: pageSize, offset });
      if (patterns.length === 0) break;
      await this.writeVectors(index, patterns);
      done += patterns.length;
    }
    return done + (await this.reembedProjects(pageSize));
  }

  /** Embeds every project pattern again (after the project collection was rebuilt); returns how many. */
  async reembedProjects(pageSize = 500): Promise<number> {
    const projects = await this.patterns.projectIds();
    if (projects.length === 0) return 0;
    const index = await this.projectVectors();
    let done = 0;
    for (const projectId of projects) {
      for (let afterId: string | undefined; ;) {
        const patterns = await this.patterns.listOfProject(projectId, { limit: pageSize, afterId });
        if (patterns.length === 0) break;
        await this.writeVectors(index, patterns);
        done += patterns.length;
        afterId = patterns.at(-1)!.id;
      }
    }
    return done;
  }

  private async writeVectors(index: VectorIndex, patterns: PatternInput[]): Promise<void> {
    const embeddings = await this.embedder.embed(patterns.map((pattern) => patternDocument(pattern)));
    await index.upsert(
      patterns.map((pattern, position) => ({
        id: pattern.id,
        embedding: embeddings[position]!,
        metadata: { language: pattern.language, ...(pattern.projectId ? { project: pattern.projectId } : {}) },
      })),
    );
  }

  /**
   * Adds the graph edges patterns say they have but the graph lacks: their links (related, supersedes, fixes)
   * changed while their content did not, so `index` saw nothing to do, or an earlier graph write failed (Neo4j
   * was down). Edges the graph has beyond those are kept: outcomes add FIXES edges of their own (learning).
   * Returns how many patterns gained edges. Throws when the graph is down.
   */
  async relink(items: IndexablePattern[]): Promise<number> {
    if (items.length === 0) return 0;
    const change = graphChange(items);
    const stored = new Set((await this.storedEdges(change.replaceEdgesOf)).map(edgeKey));
    const missing = change.edges.filter((edge) => !stored.has(edgeKey(edge)));
    if (missing.length) await this.graph.write({ nodes: change.nodes, edges: missing, replaceEdgesOf: [] });
    return new Set(missing.map((edge) => edge.from)).size;
  }

  /** The edges the graph holds out of these nodes, optionally of some kinds only. */
  private async storedEdges(nodeIds: string[], edges?: EdgeKind[]): Promise<GraphEdge[]> {
    const neighbours = await this.graph.neighbours(nodeIds, { edges, limit: 1_000_000 });
    return neighbours
      .filter((neighbour) => neighbour.direction === 'out')
      .map((neighbour) => ({ from: neighbour.origin, kind: neighbour.edge, to: neighbour.node.id }));
  }

  /** After a bulk write: lets Postgres catch up (see PatternRepository.vacuum), so search is fast at once. */
  async settle(): Promise<void> {
    await this.patterns.vacuum();
  }

  /** Removes patterns from all three stores. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.patterns.delete(ids);
    const indexes = this.projectVectors === this.vectors ? [this.vectors] : [this.vectors, this.projectVectors];
    for (const index of indexes)
      await index()
        .then((vectors) => vectors.delete(ids))
        .catch((error: unknown) => this.log.warn({ err: error }, 'removing pattern vectors failed'));
    await this.graph
      .remove(ids.map(patternNodeId))
      .catch((error: unknown) => this.log.warn({ err: error }, 'removing pattern nodes failed'));
  }
}

const edgeKey = (edge: GraphEdge) => `${edge.from} ${edge.kind} ${edge.to}`;

/** The nodes and edges of patterns: each pattern USES its libraries, is RELATED_TO its tags' concepts, and so on. */
export function graphChange(items: IndexablePattern[]) {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const add = (node: GraphNode) => nodes.set(node.id, node);
  for (const { pattern } of items) {
    add({
      id: patternNodeId(pattern.id),
      kind: 'Pattern',
      properties: { title: pattern.title, language: pattern.language },
    });
  }
  for (const { pattern, related = [], supersedes = [], derivedFrom = [], fixes = [] } of items) {
    const self = patternNodeId(pattern.id);
    for (const library of pattern.libraries) {
      add({ id: `library:${library.name}`, kind: 'Library', properties: { name: library.name } });
      edges.push({ from: self, kind: 'USES', to: `library:${library.name}` });
    }
    for (const tag of pattern.tags) {
      add({ id: `concept:${tag}`, kind: 'Concept', properties: { name: tag } });
      edges.push({ from: self, kind: 'RELATED_TO', to: `concept:${tag}` });
    }
    // Filed under the normalised signature the debug agent computes for a pasted error, so a trace with other
    // names, values and paths finds this fix (see `lookupIds` for entries written shorter than printed).
    for (const message of fixes) {
      const signature = signatureOfMessage(message);
      const id = errorNodeId(signature.id);
      add({ id, kind: 'ErrorSignature', properties: { message, type: signature.type, template: signature.template } });
      edges.push({ from: self, kind: 'FIXES', to: id });
    }
    for (const [kind, others] of [
      ['RELATED_TO', related],
      ['SUPERSEDES', supersedes],
      ['DERIVED_FROM', derivedFrom],
    ] as const) {
      for (const other of others) {
        const id = patternNodeId(other);
        // A pattern outside this batch: a bare node, so the edge has its end (the store merges, never erases).
        if (!nodes.has(id)) add({ id, kind: 'Pattern', properties: {} });
        edges.push({ from: self, kind, to: id });
      }
    }
  }
  return { nodes: [...nodes.values()], edges, replaceEdgesOf: items.map((item) => patternNodeId(item.pattern.id)) };
}
