import { failingRule } from '../learning/success-prior.ts';
import type { SqlQuery } from '../../platform/database/sql-query.ts';

/** An error an outcome failed with, or that a fix fixed, as the history keeps it. */
export interface OutcomeError {
  id: string;
  message: string;
}

/** One entry of a pattern's history. */
export interface PatternOutcomeEntry {
  kind: 'run' | 'feedback' | 'fix';
  /** `success`/`failure` for runs, `up`/`down` for feedback, `success` for a fix. */
  verdict: 'success' | 'failure' | 'up' | 'down';
  runId: string | null;
  error: OutcomeError | null;
  at: Date;
}

/** SQL deciding whether a pattern with these failures and successes (SQL expressions) is failing: `failingRule`. */
export const failingSql = (failures: string, successes: string) =>
  `(${failures} >= ${failingRule.minimumFailures} AND ${failures} >= ${failingRule.failuresPerSuccess} * ${successes})`;

/**
 * Outcomes of patterns: each moves the pattern's stats and is kept in `pattern_outcomes`, in one statement, so
 * counts and history never disagree. Unknown pattern ids are skipped; each method answers the ids it found.
 */
export class PatternOutcomeRepository {
  constructor(private readonly query: SqlQuery) {}

  /**
   * A sandbox run of code built on the patterns: counts a use and its verdict (a success also marks them
   * verified at `at`), and flags a pattern that is now failing or clears the flag of one that recovered; a
   * retired pattern stays retired.
   */
  async recordRun(
    ids: string[],
    outcome: { verdict: 'success' | 'failure'; at: Date; runId?: string | null; error?: OutcomeError | null },
  ): Promise<string[]> {
    const failing = failingSql('failures + change.failed', 'successes + change.passed');
    const rows = await this.query(
      // The SET expressions read the row as it was before this statement.
      `WITH change AS (
         SELECT CASE WHEN $2 = 'success' THEN 1 ELSE 0 END AS passed, CASE WHEN $2 = 'failure' THEN 1 ELSE 0 END AS failed
       ), updated AS (
         UPDATE patterns SET uses = uses + 1,
           successes = successes + change.passed,
           failures = failures + change.failed,
           last_verified_at = CASE WHEN $2 = 'success' THEN $3 ELSE last_verified_at END,
           status = CASE WHEN status = 'retired' THEN status WHEN ${failing} THEN 'flagged' ELSE 'active' END,
           flagged_at = CASE WHEN status = 'retired' THEN flagged_at
                             WHEN ${failing} THEN CASE WHEN status = 'flagged' THEN flagged_at ELSE $3 END END
         FROM change
         WHERE id = ANY($1::text[])
         RETURNING id
       ), history AS (
         INSERT INTO pattern_outcomes (pattern_id, kind, verdict, run_id, error_id, error_message, at)
         SELECT id, 'run', $2, $4::uuid, $5, $6, $3 FROM updated
       )
       SELECT id FROM updated`,
      [
        ids,
        outcome.verdict,
        outcome.at,
        outcome.runId ?? null,
        outcome.error?.id ?? null,
        outcome.error?.message ?? null,
      ],
    );
    return rows.map((row) => String(row.id));
  }

  /**
   * A thumbs change on an answer citing the patterns: counts `add` and takes back `remove` (a count never
   * goes below zero, and the latest entry of the taken-back kind leaves the history).
   */
  async recordFeedback(
    ids: string[],
    change: { add: 'up' | 'down' | null; remove: 'up' | 'down' | null },
    at: Date,
  ): Promise<string[]> {
    const rows = await this.query(
      `WITH updated AS (
         UPDATE patterns SET
           feedback_up = greatest(0, feedback_up
             + CASE WHEN $2::text = 'up' THEN 1 ELSE 0 END - CASE WHEN $3::text = 'up' THEN 1 ELSE 0 END),
           feedback_down = greatest(0, feedback_down
             + CASE WHEN $2::text = 'down' THEN 1 ELSE 0 END - CASE WHEN $3::text = 'down' THEN 1 ELSE 0 END)
         WHERE id = ANY($1::text[])
         RETURNING id
       ), added AS (
         INSERT INTO pattern_outcomes (pattern_id, kind, verdict, at)
         SELECT id, 'feedback', $2::text, $4 FROM updated WHERE $2::text IS NOT NULL
       ), removed AS (
         DELETE FROM pattern_outcomes WHERE id IN (
           SELECT DISTINCT ON (outcome.pattern_id) outcome.id
           FROM pattern_outcomes AS outcome JOIN updated ON updated.id = outcome.pattern_id
           WHERE outcome.kind = 'feedback' AND outcome.verdict = $3::text
           ORDER BY outcome.pattern_id, outcome.at DESC, outcome.id DESC
         )
       )
       SELECT id FROM updated`,
      [ids, change.add, change.remove, at],
    );
    return rows.map((row) => String(row.id));
  }

  /** Keeps in the patterns' history that they fixed `error`; their stats are left alone. */
  async recordFix(ids: string[], error: OutcomeError, at: Date): Promise<string[]> {
    const rows = await this.query(
      `WITH added AS (
         INSERT INTO pattern_outcomes (pattern_id, kind, verdict, error_id, error_message, at)
         SELECT id, 'fix', 'success', $2, $3, $4 FROM patterns WHERE id = ANY($1::text[])
         RETURNING pattern_id
       )
       SELECT pattern_id AS id FROM added`,
      [ids, error.id, error.message, at],
    );
    return rows.map((row) => String(row.id));
  }

  /** The pattern's latest outcomes, newest first. */
  async recent(patternId: string, limit: number): Promise<PatternOutcomeEntry[]> {
    const rows = (await this.query(
      `SELECT kind, verdict, run_id, error_id, error_message, at FROM pattern_outcomes
       WHERE pattern_id = $1 ORDER BY at DESC, id DESC LIMIT $2`,
      [patternId, limit],
    )) as {
      kind: PatternOutcomeEntry['kind'];
      verdict: PatternOutcomeEntry['verdict'];
      run_id: string | null;
      error_id: string | null;
      error_message: string | null;
      at: Date;
    }[];
    return rows.map((row) => ({
      kind: row.kind,
      verdict: row.verdict,
      runId: row.run_id,
      error: row.error_id ? { id: row.error_id, message: row.error_message ?? '' } : null,
      at: row.at,
    }));
  }
}
