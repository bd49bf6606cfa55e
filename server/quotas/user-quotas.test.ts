import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors/rate-limited-error.ts';
import { UserQuotas, type QuotaSources } from './user-quotas.ts';

const limits = { requestsPerMinute: 3, concurrentTurns: 2, runsPerHour: 2, tokensPerDay: 100 };

function quotasAt(start: string, sources: Partial<QuotaSources> = {}) {
  let now = Date.parse(start);
  const sums: Date[] = [];
  const quotas = new UserQuotas(
    limits,
    {
      runningTurns: () => 0,
      runsSince: async () => ({ count: 0, oldest: null }),
      tokensSince: async (_user, since) => {
        sums.push(since);
        return 40;
      },
      ...sources,
    },
    () => now,
  );
  return { quotas, sums, advance: (ms: number) => (now += ms) };
}

const refusal = (promise: Promise<unknown> | (() => void)) =>
  (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => undefined,
    (error: unknown) => (error instanceof RateLimitedError ? error : Promise.reject(error)),
  );

describe('UserQuotas', () => {
  it('counts requests in a sliding minute per user, and says when the oldest leaves it', async () => {
    const { quotas, advance } = quotasAt('2026-12-05T10:00:00Z');
    for (let request = 0; request < 3; request += 1) {
      quotas.admitRequest('a');
      advance(10_000);
    }
    const refused = await refusal(() => quotas.admitRequest('a'));
    expect(refused?.retryAfterMs).toBe(30_000);
    quotas.admitRequest('b');
    advance(30_001);
    quotas.admitRequest('a');
  });

  it("sums the day's tokens at most once a minute, adding the turns that end here in between", async () => {
    const { quotas, sums, advance } = quotasAt('2026-12-05T23:59:00Z');
    await quotas.admitTurn('a');
    quotas.turnEnded('a', 60);
    advance(1_000);
    const refused = await refusal(quotas.admitTurn('a'));
    expect(refused?.message).toContain('KILN_QUOTA_TOKENS_PER_DAY');
    expect(refused?.retryAfterMs).toBe(59_000);
    expect(sums).toEqual([new Date('2026-12-05T00:00:00Z')]);
    // A new UTC day sums again (from its own midnight).
    advance(60_000);
    await quotas.admitTurn('a');
    expect(sums.at(-1)).toEqual(new Date('2026-12-06T00:00:00Z'));
  });

  it('refuses a turn past the concurrent limit and a run past the hourly one', async () => {
    const oldest = new Date('2026-12-05T09:30:00Z');
    const { quotas } = quotasAt('2026-12-05T10:00:00Z', {
      runningTurns: (user) => (user === 'busy' ? 2 : 1),
      runsSince: async (user) => (user === 'busy' ? { count: 2, oldest } : { count: 1, oldest }),
    });
    expect((await refusal(quotas.admitTurn('busy')))?.message).toContain('KILN_QUOTA_CONCURRENT_TURNS');
    await quotas.admitTurn('idle');
    expect((await refusal(quotas.admitRun('busy')))?.retryAfterMs).toBe(30 * 60_000);
    await quotas.admitRun('idle');
  });
});
