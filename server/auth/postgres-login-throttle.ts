import type { Sql, SqlQuery } from '../../platform/database/sql-query.ts';
import {
  addressKey,
  allowed,
  backoffDelay,
  defaultLoginThrottleSettings,
  type LoginDecision,
  type LoginThrottle,
  type LoginThrottleSettings,
} from './login-throttle.ts';

const sweepEveryMs = 10 * 60_000;

/**
 * The login throttle of InMemoryLoginThrottle (a token bucket per address, a doubling back-off per account), kept
 * in Postgres so every Kiln instance on the database counts the same attempts: a guesser cannot spread its guesses
 * over instances. Each decision is one transaction whose upserts lock the address's and the account's rows, so
 * concurrent attempts, on any instance, are counted one after another. Rows idle long enough to have no effect
 * any more are swept now and then (in place of the in-memory bound on entries).
 */
export class PostgresLoginThrottle implements LoginThrottle {
  private lastSweep = 0;

  constructor(
    private readonly sql: Sql,
    private readonly settings: LoginThrottleSettings = defaultLoginThrottleSettings,
  ) {}

  async begin(address: string, account?: string): Promise<LoginDecision> {
    this.sweepNowAndThen();
    const key = addressKey(address);
    const burst = this.settings.addressBurst;
    const refillMs = this.settings.addressRefillMs;
    const decision = await this.sql.transaction(async (query): Promise<{ allowed: boolean; retryAfterMs: number }> => {
      const [bucket] = (await query(
        `INSERT INTO login_address_buckets AS b (address, tokens, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (address) DO UPDATE
           SET tokens = LEAST($2, b.tokens + extract(epoch FROM now() - b.updated_at) * 1000 / $3), updated_at = now()
         RETURNING tokens`,
        [key, burst, refillMs],
      )) as { tokens: number }[];
      if (bucket!.tokens < 1) return { allowed: false, retryAfterMs: Math.ceil((1 - bucket!.tokens) * refillMs) };
      if (account !== undefined) {
        const [backoff] = (await query(
          `INSERT INTO login_account_backoffs AS a (account, strikes, blocked_until, updated_at)
           VALUES ($1, 0, '-infinity', now())
           ON CONFLICT (account) DO UPDATE SET updated_at = now()
           RETURNING strikes, GREATEST(0, ceil(extract(epoch FROM a.blocked_until - now()) * 1000))::float8 AS wait_ms`,
          [account],
        )) as { strikes: number; wait_ms: number }[];
        if (backoff!.wait_ms > 0) return { allowed: false, retryAfterMs: backoff!.wait_ms };
        // Reserved now, before the password is checked, so concurrent guesses cannot all slip through.
        const extra = backoff!.strikes + 1 - this.settings.accountFreeAttempts;
        await query(
          `UPDATE login_account_backoffs SET strikes = strikes + 1,
                  blocked_until = CASE WHEN $2::int > 0 THEN now() + $3::float8 * interval '1 millisecond'
                                       ELSE blocked_until END
            WHERE account = $1`,
          [account, extra, extra > 0 ? backoffDelay(this.settings, extra) : 0],
        );
      }
      await query(`UPDATE login_address_buckets SET tokens = tokens - 1 WHERE address = $1`, [key]);
      return { allowed: true, retryAfterMs: 0 };
    });
    if (!decision.allowed) return { allowed: false, retryAfterMs: decision.retryAfterMs };
    return allowed(() =>
      this.sql.transaction(async (query) => {
        await query(`UPDATE login_address_buckets SET tokens = LEAST($2, tokens + 1) WHERE address = $1`, [key, burst]);
        if (account !== undefined) await query(`DELETE FROM login_account_backoffs WHERE account = $1`, [account]);
      }),
    );
  }

  /**
   * Forgets buckets that would be full again by now and back-offs neither blocking nor touched for a day (an
   * account's strikes then start over, as the in-memory throttle forgets its oldest entries).
   */
  async sweep(query: SqlQuery = this.sql.query): Promise<void> {
    const full = this.settings.addressBurst * this.settings.addressRefillMs;
    await query(`DELETE FROM login_address_buckets WHERE updated_at < now() - $1::float8 * interval '1 millisecond'`, [
      full,
    ]);
    await query(
      `DELETE FROM login_account_backoffs WHERE blocked_until < now() AND updated_at < now() - interval '1 day'`,
    );
  }

  private sweepNowAndThen() {
    if (Date.now() - this.lastSweep < sweepEveryMs) return;
    this.lastSweep = Date.now();
    // Best effort: a failed sweep leaves rows for the next one.
    this.sweep().catch(() => undefined);
  }
}
