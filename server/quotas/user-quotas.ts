import type { Sql } from '../../platform/database/sql-query.ts';
import type { SecurityConfig } from '../../platform/config/config.ts';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { InMemoryRequestCounter, type RequestCounter } from './request-counter.ts';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** What the quotas count from: the database for what lasts (runs, tokens), and for what is live on other servers. */
export interface QuotaSources {
  /** A user's turns running now, on every server. */
  runningTurns(userId: string): number | Promise<number>;
  /** Sandbox runs a user created since `since`, and when the oldest of them was created. */
  runsSince(userId: string, since: Date): Promise<{ count: number; oldest: Date | null }>;
  /** Model tokens (input + output) a user's turns used since `since`. */
  tokensSince(userId: string, since: Date): Promise<number>;
}

/**
 * Per-user quotas (KILN_QUOTA_*), each a RateLimitedError (429, Retry-After) naming the limit. 0 turns one off.
 * Every quota holds across the servers sharing the database: runs and tokens are counted from Postgres, running
 * turns and requests per minute too when other servers share it (`RequestCounter`, `QuotaSources`).
 */
export class UserQuotas {
  /**
   * Each user's tokens so far today: summed from the turns table at most once a minute (so another instance's
   * turns count within a minute), plus the tokens of each turn that ended here since. Summing on every turn cost
   * a scan of the day's turns before each first token.
   */
  private readonly tokensToday = new Map<string, { day: number; used: number; at: number }>();

  constructor(
    private readonly limits: SecurityConfig['quotas'],
    private readonly sources: QuotaSources,
    private readonly now: () => number = Date.now,
    /** Requests per minute: in this process's memory, or shared through Postgres with other servers. */
    private readonly requests: RequestCounter = new InMemoryRequestCounter(),
  ) {}

  /** One API request or socket event. */
  admitRequest(userId: string): void {
    const limit = this.limits.requestsPerMinute;
    if (limit === 0) return;
    const waitMs = this.requests.admit(userId, limit, this.now());
    if (waitMs > 0) {
      throw new RateLimitedError(
        `Too many requests: at most ${limit} a minute (KILN_QUOTA_REQUESTS_PER_MINUTE).`,
        waitMs,
      );
    }
  }

  /** Before a turn starts: its concurrency, and the day's tokens. */
  async admitTurn(userId: string): Promise<void> {
    const { concurrentTurns, tokensPerDay } = this.limits;
    if (concurrentTurns > 0 && (await this.sources.runningTurns(userId)) >= concurrentTurns) {
      throw new RateLimitedError(
        `You have ${concurrentTurns} answers being written already (KILN_QUOTA_CONCURRENT_TURNS); wait for one to finish or stop it.`,
        5_000,
      );
    }
    if (tokensPerDay > 0) {
      const now = new Date(this.now());
      const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const cached = this.tokensToday.get(userId);
      const fresh = cached && cached.day === midnight.getTime() && cached.at > now.getTime() - minuteMs;
      const used = fresh ? cached.used : await this.sources.tokensSince(userId, midnight);
      if (!fresh) {
        if (this.tokensToday.size > 10_000) this.tokensToday.clear();
        this.tokensToday.set(userId, { day: midnight.getTime(), used, at: now.getTime() });
      }
      if (used >= tokensPerDay) {
        throw new RateLimitedError(
          `You have used today's ${tokensPerDay.toLocaleString('en')} model tokens (KILN_QUOTA_TOKENS_PER_DAY); the quota resets at midnight UTC.`,
          midnight.getTime() + 24 * hourMs - now.getTime(),
        );
      }
    }
  }

  /** A turn of the user ended here, having used `tokens` (input + output). */
  turnEnded(userId: string, tokens: number): void {
    const cached = this.tokensToday.get(userId);
    if (cached) cached.used += tokens;
  }

  /** Before a sandbox run is queued. */
  async admitRun(userId: string): Promise<void> {
    const limit = this.limits.runsPerHour;
    if (limit === 0) return;
    const now = this.now();
    const { count, oldest } = await this.sources.runsSince(userId, new Date(now - hourMs));
    if (count >= limit) {
      throw new RateLimitedError(
        `Too many sandbox runs: at most ${limit} an hour (KILN_QUOTA_RUNS_PER_HOUR).`,
        (oldest ? oldest.getTime() + hourMs : now + hourMs) - now,
      );
    }
  }
}

/**
 * The quotas' sources on Kiln's Postgres. Running turns: this process's, counted in memory, when it runs alone;
 * with other servers on the database (`shared`), the running turns in Postgres, unless this process alone already
 * holds enough to refuse.
 */
export function postgresQuotaSources(
  sql: Sql,
  runningHere: (userId: string) => number,
  options: { shared: boolean; limit: number },
): QuotaSources {
  return {
    async runningTurns(userId) {
      const here = runningHere(userId);
      if (!options.shared || here >= options.limit) return here;
      const [row] = (await sql.query(
        `SELECT count(*)::int AS running FROM turns WHERE owner_id = $1 AND status = 'running'`,
        [userId],
        { prepared: true },
      )) as unknown as { running: number }[];
      return Math.max(here, row?.running ?? 0);
    },
    async runsSince(userId, since) {
      const [row] = (await sql.query(
        `SELECT count(*)::int AS count, min(created_at) AS oldest FROM runs WHERE owner_id = $1 AND created_at > $2`,
        [userId, since],
        { prepared: true },
      )) as unknown as { count: number; oldest: Date | null }[];
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },
    async tokensSince(userId, since) {
      const [row] = (await sql.query(
        `SELECT coalesce(sum(coalesce((usage->>'inputTokens')::bigint, 0) + coalesce((usage->>'outputTokens')::bigint, 0)), 0)::bigint AS tokens
         FROM turns WHERE owner_id = $1 AND started_at >= $2`,
        [userId, since],
        { prepared: true },
      )) as unknown as { tokens: string }[];
      return Number(row?.tokens ?? 0);
    },
  };
}
