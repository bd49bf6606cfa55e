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
    /** For a learned pattern: the code session it was approved from. */
    learnedFrom?: LearnedFrom;
  };
  contentHash: string;
  stats: PatternStatsView;
  /** `flagged`: it keeps failing and waits for an admin's review; `retired`: an admin took it out of retrieval. */
  status: PatternStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type PatternStatus = 'active' | 'flagged' | 'retired';

export interface PatternStatsView {
  /** Sandbox runs of code built on the pattern. */
  uses: number;
  successes: number;
  failures: number;
  lastVerifiedAt: Date | null;
  /** Thumbs on answers that cited it (a weaker signal than runs; see docs/learning.md). */
  feedbackUp: number;
  feedbackDown: number;
}

/** Where a learned pattern came from: the conversation, turn and runs of the session, and who approved it. */
export interface LearnedFrom {
  conversationId: string;
  messageId: string;
  turnId: string;
  runIds: string[];
  approvedBy: string;
  approvedAt: string;
}

/** One outcome in a pattern's history. */
export interface PatternOutcomeView {
  kind: 'run' | 'feedback' | 'fix';
  /** `success`/`failure` for runs, `up`/`down` for feedback, `success` for a fix it was credited with. */
  verdict: 'success' | 'failure' | 'up' | 'down';
  runId: string | null;
  /** The error a failure failed with, or the error a fix fixed. */
  error: { id: string; message: string } | null;
  at: Date;
}

/** The run history shown on the pattern page. */
export interface PatternHistoryView {
  /** Newest first, at most 20. */
  recent: PatternOutcomeView[];
  /** Learned patterns derived from this one (an approved session that was built on it). */
  learnedFrom: { id: string; title: string }[];
  /** Error signatures this pattern is filed as a fix for. */
  fixes: { id: string; message: string }[];
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
export type PatternDetailsView = PatternView & {
  neighbours: PatternNeighbourView[] | null;
  notice?: string;
  history: PatternHistoryView;
};

/** A pattern in the Knowledge page's lists. */
export interface PatternSummaryView {
  id: string;
  title: string;
  language: string;
  sourceKind: PatternView['source']['kind'];
  status: PatternStatus;
  stats: PatternStatsView;
  /** successes / (successes + failures); null before any run. */
  successRate: number | null;
  createdAt: Date;
}

/** `GET /api/v1/knowledge`: what Kiln has learned and how its patterns fare. */
export interface KnowledgeOverview {
  totals: { patterns: number; learned: number; flagged: number; retired: number; runs: number; successes: number };
  learned: PatternSummaryView[];
  mostUsed: PatternSummaryView[];
  mostFailing: PatternSummaryView[];
  flagged: PatternSummaryView[];
  retired: PatternSummaryView[];
  /** Runs of pattern-built code per day (UTC), oldest first, the last 30 days. */
  daily: { day: string; successes: number; failures: number }[];
}
