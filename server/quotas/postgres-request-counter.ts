import type { Logger } from 'pino';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { RequestCounter } from './request-counter.ts';

const bucketMs = 10_000;
const windowBuckets = 6;

/**
 * Requests per user counted across every server on the database, in 10-second buckets (`request_counts`). Asking
 * Postgres on every request would put a round trip on every request's path, so each server counts here and, every
 * `flushMs`, adds what it counted to Postgres and reads back each of its active users' total over the last six
 * buckets. A request is admitted against that total plus what this server counted since: other servers' requests
 * count within about `flushMs`, so a user spread over N servers can pass the limit by what N servers admit in that
 * time. The window is the last 60-70 s (whole buckets).
 */
export class PostgresRequestCounter implements RequestCounter {
  /** Counted here and not yet added to Postgres: user → bucket → count. */
  private pending = new Map<string, Map<number, number>>();
  /** Being added to Postgres by the flush under way (counted until its totals come back). */
  private inFlight = new Map<string, Map<number, number>>();
  /** Each active user's buckets as Postgres last had them (every server's requests), with when they were read. */
  private totals = new Map<string, { buckets: Map<number, number>; seenAt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly flushMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  admit(userId: string, limit: number, now: number): number {
    const current = Math.floor(now / bucketMs);
    const oldest = current - windowBuckets + 1;
    const counts = new Map<number, number>();
    for (const [bucket, count] of this.totals.get(userId)?.buckets ?? []) counts.set(bucket, count);
    for (const unsent of [this.inFlight.get(userId), this.pending.get(userId)]) {
      for (const [bucket, count] of unsent ?? []) counts.set(bucket, (counts.get(bucket) ?? 0) + count);
    }
    let total = 0;
    for (const [bucket, count] of counts) if (bucket >= oldest) total += count;
    if (total >= limit) {
      // Until the oldest bucket that holds requests leaves the window.
      const first = Math.min(...[...counts].filter(([bucket, count]) => bucket >= oldest && count > 0).map(([b]) => b));
      return Math.max(1, (first + windowBuckets) * bucketMs - now);
    }
    const mine = this.pending.get(userId) ?? new Map<number, number>();
    mine.set(current, (mine.get(current) ?? 0) + 1);
    this.pending.set(userId, mine);
    if (!this.totals.has(userId)) this.totals.set(userId, { buckets: new Map(), seenAt: now });
    return 0;
  }

  /** Adds what was counted here to Postgres and reads back the totals of this server's recent users. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() =>
      this.exchange().catch((error: unknown) => this.log.warn({ err: error }, 'sharing request counts failed')),
    );
    return this.flushing;
  }

  private async exchange() {
    const pending = this.pending;
    this.pending = new Map();
    this.inFlight = pending;
    const users: string[] = [];
    const buckets: number[] = [];
    const counts: number[] = [];
    for (const [user, byBucket] of pending) {
      for (const [bucket, count] of byBucket) {
        users.push(user);
        buckets.push(bucket);
        counts.push(count);
      }
    }
    const now = Date.now();
    const oldest = Math.floor(now / bucketMs) - windowBuckets + 1;
    // Users quiet for two windows are forgotten here (and their old buckets in Postgres).
    for (const [user, entry] of this.totals)
      if (entry.seenAt < now - 2 * windowBuckets * bucketMs) this.totals.delete(user);
    try {
      const rows = (await this.sql.query(
        `WITH added AS (
           INSERT INTO request_counts (user_id, bucket, count)
           SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::int[])
           ON CONFLICT (user_id, bucket) DO UPDATE SET count = request_counts.count + EXCLUDED.count
         ), forgotten AS (
           DELETE FROM request_counts WHERE bucket < $5 - 12
         )
         SELECT user_id, bucket, count FROM request_counts WHERE user_id = ANY($4::uuid[]) AND bucket >= $5`,
        [users, buckets, counts, [...this.totals.keys()], oldest],
      )) as { user_id: string; bucket: string; count: number }[];
      // The statement's reads see Postgres before its own insert: add this flush's counts to what it read.
      const read = new Map<string, Map<number, number>>();
      for (const row of rows) {
        const byBucket = read.get(row.user_id) ?? new Map<number, number>();
        byBucket.set(Number(row.bucket), row.count);
        read.set(row.user_id, byBucket);
      }
      for (const [user, byBucket] of pending) {
        const into = read.get(user) ?? new Map<number, number>();
        for (const [bucket, count] of byBucket) into.set(bucket, (into.get(bucket) ?? 0) + count);
        read.set(user, into);
      }
      for (const [user, entry] of this.totals) {
        const recent = pending.has(user);
        this.totals.set(user, { buckets: read.get(user) ?? new Map(), seenAt: recent ? now : entry.seenAt });
      }
    } catch (error) {
      // Not lost: counted again at the next flush.
      for (const [user, byBucket] of pending) {
        const mine = this.pending.get(user) ?? new Map<number, number>();
        for (const [bucket, count] of byBucket) mine.set(bucket, (mine.get(bucket) ?? 0) + count);
        this.pending.set(user, mine);
      }
      throw error;
    } finally {
      this.inFlight = new Map();
    }
  }
}
