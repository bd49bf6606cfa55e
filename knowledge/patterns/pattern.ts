/** The approved code session a learned pattern was saved from, and who approved it (a pattern's provenance). */
export interface LearnedFrom {
  conversationId: string;
  messageId: string;
  turnId: string;
  runIds: string[];
  /** Who approved it. */
  approvedBy: string;
  /** ISO 8601. */
  approvedAt: string;
}

/** Where a pattern came from. */
export interface PatternSource {
  kind: 'seed' | 'ingest' | 'learned' | 'user';
  /** Repository-relative path of the code, when it came from a file. */
  path?: string;
  line?: number;
  repository?: string;
  commit?: string;
  /** For a learned pattern: the code session it was approved from. */
  learnedFrom?: LearnedFrom;
}

/** What outcomes say of a pattern (see docs/learning.md): sandbox runs of code built on it, and thumbs on answers citing it. */
export interface PatternStats {
  uses: number;
  successes: number;
  failures: number;
  lastVerifiedAt: Date | null;
  feedbackUp: number;
  feedbackDown: number;
}

/** `flagged`: it keeps failing (set and cleared by its record); `retired`: an admin took it out of retrieval. */
export type PatternStatus = 'active' | 'flagged' | 'retired';

/** A code pattern: the unit of Kiln's knowledge. */
export interface Pattern {
  id: string;
  title: string;
  summary: string;
  language: string;
  tags: string[];
  /** Questions developers ask that this pattern answers, in their own words (searched like the summary). */
  questions: string[];
  code: string;
  tests: string | null;
  libraries: { name: string; version: string }[];
  source: PatternSource;
  /** The project the pattern belongs to (only its members see it); absent for the global store's patterns. */
  projectId?: string;
  contentHash: string;
  stats: PatternStats;
  status: PatternStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** What is needed to store a pattern; ids, hash, stats, status and times are derived or kept. */
export type PatternInput = Omit<Pattern, 'contentHash' | 'stats' | 'status' | 'createdAt' | 'updatedAt'>;
