/**
 * A pattern as `GET /api/v1/patterns/:id` serves it (dates as the server holds them; the client reads them
 * through `Json<…>`). The knowledge layer's `Pattern` has this shape; the route checks it with `satisfies`.
 */
export interface PatternView {
  id: string;
  title: string;
  summary: string;
  language: string;
  tags: string[];
  questions: string[];
  code: string;
  tests: string | null;
  libraries: { name: string; version: string }[];
  source: {
    kind: 'seed' | 'ingest' | 'learned' | 'user';
    path?: string;
    line?: number;
    repository?: string;
    commit?: string;
  };
  contentHash: string;
  stats: { uses: number; successes: number; failures: number; lastVerifiedAt: Date | null };
  createdAt: Date;
  updatedAt: Date;
}

export type GraphEdgeKind = 'USES' | 'RELATED_TO' | 'FIXES' | 'DERIVED_FROM' | 'SUPERSEDES';

/** One graph neighbour of a pattern: `out` means pattern -edge-> node, `in` means node -edge-> pattern. */
export interface PatternNeighbourView {
  edge: GraphEdgeKind;
  direction: 'out' | 'in';
  node: {
    id: string;
    kind: 'Pattern' | 'Library' | 'Concept' | 'ErrorSignature';
    properties: Record<string, string | number | boolean>;
  };
}

/** The pattern page: the pattern and its neighbours (null when the graph is unavailable, with a notice). */
export type PatternDetailsView = PatternView & { neighbours: PatternNeighbourView[] | null; notice?: string };
