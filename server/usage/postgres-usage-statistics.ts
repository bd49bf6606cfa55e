import type { Sql } from '../../platform/database/sql-query.ts';
import type { Intent } from '../../protocol/turn-events.ts';
import type { RunTotals, TokenTotals, UsageReport, UserUsage } from '../../protocol/usage-report.ts';
import type { UsageStatistics } from './usage-statistics.ts';
import type { UsageWindow } from './usage-window.ts';

const utcDay = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * Usage from `turns` (each turn's `usage`: tokens and cost as priced when it ran, and its routed `intent`) and
 * `runs` (status passed, failed or error). Postgres does the counting: one grouped scan per table and question,
 * over the window only (`turns_started` and `runs_created` serve the range; migration 1795300000013). `GROUPING
 * SETS` gives the per-day rows, the per-user rows and the grand total from the same scan.
 */
export class PostgresUsageStatistics implements UsageStatistics {
  constructor(private readonly sql: Sql) {}

  async report(window: UsageWindow): Promise<UsageReport> {
    const [tokenRows, intentRows, runRows] = await Promise.all([
      this.tokens(window.since),
      this.intents(window.since),
      this.runs(window.since),
    ]);
    const emails = await this.emails([...new Set([...tokenRows, ...runRows].flatMap((row) => row.user_id ?? []))]);
    const userTokens = new Map(tokenRows.filter((row) => row.level === 1).map((row) => [row.user_id!, row]));
    const userRuns = new Map(runRows.filter((row) => row.level === 1).map((row) => [row.user_id!, row]));
    const users: UserUsage[] = [...new Set([...userTokens.keys(), ...userRuns.keys()])]
      .map((userId) => ({
        userId,
        email: emails.get(userId) ?? '',
        ...tokenTotalsOf(userTokens.get(userId)),
        runs: Number(userRuns.get(userId)?.runs ?? 0),
      }))
      .sort(
        (a, b) =>
          b.costUsd - a.costUsd ||
          b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens) ||
          a.email.localeCompare(b.email),
      );
    return {
      window: { days: window.days, from: window.from, to: window.to },
      totals: {
        ...tokenTotalsOf(tokenRows.find((row) => row.level === 3)),
        runs: runTotalsOf(runRows.find((row) => row.level === 3)),
      },
      users,
      dailyTotals: tokenRows
        .filter((row) => row.level === 2)
        .map((row) => ({ day: row.day!, ...tokenTotalsOf(row) }))
        .sort((a, b) => a.day.localeCompare(b.day)),
      daily: tokenRows
        .filter((row) => row.level === 0)
        .map((row) => ({ day: row.day!, userId: row.user_id!, ...tokenTotalsOf(row) }))
        .sort((a, b) => a.day.localeCompare(b.day) || a.userId.localeCompare(b.userId)),
      intents: {
        total: intentRows
          .filter((row) => row.level === 2)
          .map((row) => ({ intent: row.intent, turns: Number(row.turns) }))
          .sort((a, b) => b.turns - a.turns || String(a.intent).localeCompare(String(b.intent))),
        daily: intentRows
          .filter((row) => row.level === 0)
          .map((row) => ({ day: row.day!, intent: row.intent, turns: Number(row.turns) }))
          .sort((a, b) => a.day.localeCompare(b.day) || String(a.intent).localeCompare(String(b.intent))),
      },
      runs: {
        daily: runRows
          .filter((row) => row.level === 2)
          .map((row) => ({ day: row.day!, ...runTotalsOf(row) }))
          .sort((a, b) => a.day.localeCompare(b.day)),
      },
    };
  }

  /** Levels: 0 per user and day, 1 per user, 2 per day, 3 all. */
  private async tokens(since: Date) {
    return (await this.sql.query(
      `SELECT owner_id AS user_id, ${utcDay('started_at')} AS day, GROUPING(owner_id, ${utcDay('started_at')}) AS level,
              coalesce(sum((usage->>'inputTokens')::numeric), 0) AS input_tokens,
              coalesce(sum((usage->>'outputTokens')::numeric), 0) AS output_tokens,
              coalesce(sum((usage->>'costUsd')::numeric), 0) AS cost_usd,
              count(*) FILTER (WHERE usage IS NOT NULL AND usage->>'costUsd' IS NULL) AS unpriced_turns,
              count(*) AS turns
       FROM turns WHERE started_at >= $1
       GROUP BY GROUPING SETS ((owner_id, ${utcDay('started_at')}), (owner_id), (${utcDay('started_at')}), ())`,
      [since],
    )) as unknown as TokenRow[];
  }

  /** Levels: 0 per day and intent, 2 per intent. */
  private async intents(since: Date) {
    return (await this.sql.query(
      `SELECT ${utcDay('started_at')} AS day, intent->>'intent' AS intent,
              GROUPING(${utcDay('started_at')}, intent->>'intent') AS level, count(*) AS turns
       FROM turns WHERE started_at >= $1
       GROUP BY GROUPING SETS ((${utcDay('started_at')}, intent->>'intent'), (intent->>'intent'))`,
      [since],
    )) as unknown as { day: string | null; intent: Intent | null; level: number; turns: string }[];
  }

  /** Levels: 1 per user, 2 per day, 3 all. */
  private async runs(since: Date) {
    return (await this.sql.query(
      `SELECT owner_id AS user_id, ${utcDay('created_at')} AS day, GROUPING(owner_id, ${utcDay('created_at')}) AS level,
              count(*) AS runs, count(*) FILTER (WHERE status = 'passed') AS passed,
              count(*) FILTER (WHERE status = 'failed') AS failed, count(*) FILTER (WHERE status = 'error') AS errors
       FROM runs WHERE created_at >= $1
       GROUP BY GROUPING SETS ((owner_id), (${utcDay('created_at')}), ())`,
      [since],
    )) as unknown as RunRow[];
  }

  private async emails(userIds: string[]) {
    if (userIds.length === 0) return new Map<string, string>();
    const rows = (await this.sql.query(`SELECT id, email FROM users WHERE id = ANY($1::uuid[])`, [
      userIds,
    ])) as unknown as { id: string; email: string }[];
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}

/** Postgres answers sums and counts of numeric and bigint as strings; `level` is `GROUPING()`'s bit mask. */
interface TokenRow {
  user_id: string | null;
  day: string | null;
  level: number;
  input_tokens: string;
  output_tokens: string;
  cost_usd: string;
  unpriced_turns: string;
  turns: string;
}

interface RunRow {
  user_id: string | null;
  day: string | null;
  level: number;
  runs: string;
  passed: string;
  failed: string;
  errors: string;
}

function tokenTotalsOf(row: TokenRow | undefined): TokenTotals {
  return {
    inputTokens: Number(row?.input_tokens ?? 0),
    outputTokens: Number(row?.output_tokens ?? 0),
    // Prices are per token fractions of a cent: rounded as `costOf` rounds one call's cost.
    costUsd: Math.round(Number(row?.cost_usd ?? 0) * 1e8) / 1e8,
    unpricedTurns: Number(row?.unpriced_turns ?? 0),
    turns: Number(row?.turns ?? 0),
  };
}

function runTotalsOf(row: RunRow | undefined): RunTotals {
  const [runs, passed, failed, errors] = [row?.runs, row?.passed, row?.failed, row?.errors].map((count) =>
    Number(count ?? 0),
  ) as [number, number, number, number];
  const finished = passed + failed + errors;
  return { runs, passed, failed, errors, passRate: finished > 0 ? passed / finished : null };
}
