import type { PatternSource, PatternStats, PatternStatus } from './pattern.ts';
import type { SqlQuery } from '../../platform/database/sql-query.ts';

/** A pattern in the overview's lists. */
export interface PatternSummary {
  id: string;
  title: string;
  language: string;
  sourceKind: PatternSource['kind'];
  status: PatternStatus;
  stats: PatternStats;
  /** successes / (successes + failures); null before any run. */
  successRate: number | null;
  createdAt: Date;
}

/** What Kiln has learned and how its patterns fare (the Knowledge page). */
export interface KnowledgeOverview {
  totals: { patterns: number; learned: number; flagged: number; retired: number; runs: number; successes: number };
  learned: PatternSummary[];
  mostUsed: PatternSummary[];
  mostFailing: PatternSummary[];
  flagged: PatternSummary[];
  retired: PatternSummary[];
  /** Runs of pattern-built code per day (UTC), oldest first. */
  daily: { day: string; successes: number; failures: number }[];
}

type ListName = 'learned' | 'mostUsed' | 'mostFailing' | 'flagged' | 'retired';

/** Which patterns each list holds, in which order. */
const lists: Record<ListName, { where: string; order: string }> = {
  learned: { where: `source->>'kind' = 'learned'`, order: 'created_at DESC' },
  mostUsed: { where: 'uses > 0', order: 'uses DESC, successes DESC' },
  mostFailing: { where: 'failures > 0', order: 'failures DESC, successes' },
  flagged: { where: `status = 'flagged'`, order: 'flagged_at DESC NULLS LAST' },
  retired: { where: `status = 'retired'`, order: 'retired_at DESC NULLS LAST' },
};

/**
 * A run credits every pattern it was built on, one outcome row each: runs are counted by their run id, and an
 * outcome recorded without one counts alone.
 */
const runKey = `coalesce(outcome.run_id::text, outcome.id::text)`;

/** The Knowledge page's figures, read from `patterns` and `pattern_outcomes`. */
export class KnowledgeOverviewRepository {
  constructor(private readonly query: SqlQuery) {}

  /** Lists of at most `limit`; `daily` covers the `days` days up to `today` (a UTC date, `YYYY-MM-DD`). */
  async overview(options: { limit: number; days: number; today: string }): Promise<KnowledgeOverview> {
    const [patternTotals, runTotals, listed, daily] = await Promise.all([
      this.query(
        `SELECT count(*) AS patterns,
                count(*) FILTER (WHERE source->>'kind' = 'learned') AS learned,
                count(*) FILTER (WHERE status = 'flagged') AS flagged,
                count(*) FILTER (WHERE status = 'retired') AS retired
         FROM patterns WHERE project_id IS NULL`,
      ),
      this.query(
        `SELECT count(DISTINCT ${runKey}) AS runs,
                count(DISTINCT ${runKey}) FILTER (WHERE verdict = 'success') AS successes
         FROM pattern_outcomes AS outcome WHERE outcome.kind = 'run'`,
      ),
      this.query(
        Object.entries(lists)
          .map(
            ([name, list]) =>
              `(SELECT '${name}' AS list, id, title, language, source->>'kind' AS source_kind, status, uses,
                       successes, failures, last_verified_at, feedback_up, feedback_down, created_at
                FROM patterns WHERE project_id IS NULL AND (${list.where}) ORDER BY ${list.order}, id LIMIT $1)`,
          )
          .join(' UNION ALL '),
        [options.limit],
      ),
      this.query(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day,
                count(DISTINCT ${runKey}) FILTER (WHERE outcome.verdict = 'success') AS successes,
                count(DISTINCT ${runKey}) FILTER (WHERE outcome.verdict = 'failure') AS failures
         FROM generate_series($1::date::timestamp - ($2::int - 1) * interval '1 day', $1::date::timestamp, interval '1 day') AS day
         LEFT JOIN pattern_outcomes AS outcome ON outcome.kind = 'run'
           AND outcome.at >= day AT TIME ZONE 'UTC' AND outcome.at < (day + interval '1 day') AT TIME ZONE 'UTC'
         GROUP BY day ORDER BY day`,
        [options.today, options.days],
      ),
    ]);
    const inList = (name: ListName) => listed.filter((row) => row.list === name).map(toSummary);
    return {
      totals: {
        patterns: Number(patternTotals[0]!.patterns),
        learned: Number(patternTotals[0]!.learned),
        flagged: Number(patternTotals[0]!.flagged),
        retired: Number(patternTotals[0]!.retired),
        runs: Number(runTotals[0]!.runs),
        successes: Number(runTotals[0]!.successes),
      },
      learned: inList('learned'),
      mostUsed: inList('mostUsed'),
      mostFailing: inList('mostFailing'),
      flagged: inList('flagged'),
      retired: inList('retired'),
      daily: daily.map((row) => ({
        day: String(row.day),
        successes: Number(row.successes),
        failures: Number(row.failures),
      })),
    };
  }
}

function toSummary(row: Record<string, unknown>): PatternSummary {
  const stats: PatternStats = {
    uses: Number(row.uses),
    successes: Number(row.successes),
    failures: Number(row.failures),
    lastVerifiedAt: (row.last_verified_at as Date | null) ?? null,
    feedbackUp: Number(row.feedback_up),
    feedbackDown: Number(row.feedback_down),
  };
  const runs = stats.successes + stats.failures;
  return {
    id: String(row.id),
    title: String(row.title),
    language: String(row.language),
    sourceKind: row.source_kind as PatternSource['kind'],
    status: row.status as PatternStatus,
    stats,
    successRate: runs === 0 ? null : stats.successes / runs,
    createdAt: row.created_at as Date,
  };
}
