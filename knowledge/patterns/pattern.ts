/** Where a pattern came from. */
export interface PatternSource {
  kind: 'seed' | 'ingest' | 'learned' | 'user';
  /** Repository-relative path of the code, when it came from a file. */
  path?: string;
  line?: number;
  repository?: string;
  commit?: string;
}

export interface PatternStats {
  uses: number;
  successes: number;
  failures: number;
  lastVerifiedAt: Date | null;
}

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
  contentHash: string;
  stats: PatternStats;
  createdAt: Date;
  updatedAt: Date;
}

/** What is needed to store a pattern; ids, hash, stats and times are derived or kept. */
export type PatternInput = Omit<Pattern, 'contentHash' | 'stats' | 'createdAt' | 'updatedAt'>;
