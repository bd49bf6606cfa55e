import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { LoginDecision, LoginThrottleSettings } from '../../server/auth/login-throttle.ts';
import { PostgresLoginThrottle } from '../../server/auth/postgres-login-throttle.ts';
import { startTestServer } from '../support/test-server.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let sql: Sql;

/** Small numbers, so refills and waits happen within a test. */
const settings: LoginThrottleSettings = {
  addressBurst: 3,
  addressRefillMs: 400,
  accountFreeAttempts: 2,
  accountBaseDelayMs: 300,
  accountMaxDelayMs: 1_200,
  maxEntries: 10_000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One attempt that fails (or succeeds) once allowed; the decision either way. */
async function attempt(
  throttle: PostgresLoginThrottle,
  address: string,
  account: string | undefined,
  outcome: 'success' | 'failure' = 'failure',
): Promise<LoginDecision> {
  const decision = await throttle.begin(address, account);
  if (decision.allowed) await decision.attempt.finish(outcome === 'success');
  return decision;
}

beforeAll(async () => {
  kiln = await startTestServer();
  sql = sqlHandle(kiln.server.infrastructure!.dataSource);
}, 120_000);

afterAll(async () => {
  await kiln?.stop();
});

// Two throttles on one database stand for two Kiln instances: they share nothing but Postgres.
describe('PostgresLoginThrottle, as two instances on one database', () => {
  it('counts one address’s failed attempts on every instance, and refills them with time', async () => {
    const [a, b] = [new PostgresLoginThrottle(sql, settings), new PostgresLoginThrottle(sql, settings)];
    expect((await attempt(a, '203.0.113.7', 'one@example.com')).allowed).toBe(true);
    expect((await attempt(b, '203.0.113.7', 'two@example.com')).allowed).toBe(true);
    expect((await attempt(a, '203.0.113.7', 'three@example.com')).allowed).toBe(true);
    const refused = await attempt(b, '203.0.113.7', 'four@example.com');
    expect(refused.allowed).toBe(false);
    // Until the next token: at most one refill period.
    expect(refused.allowed ? 0 : refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.allowed ? 0 : refused.retryAfterMs).toBeLessThanOrEqual(400);
    expect((await attempt(a, '198.51.100.1', 'four@example.com')).allowed).toBe(true);

    await sleep(450);
    expect((await attempt(b, '203.0.113.7', 'four@example.com')).allowed).toBe(true);
    expect((await attempt(a, '203.0.113.7', 'five@example.com')).allowed).toBe(false);
  });

  it('gives the token back on success, so good sign-ins from one address are never throttled', async () => {
    const [a, b] = [new PostgresLoginThrottle(sql, settings), new PostgresLoginThrottle(sql, settings)];
    for (let index = 0; index < 10; index += 1) {
      const decision = await attempt(index % 2 ? a : b, '192.0.2.10', `user${index}@example.com`, 'success');
      expect(decision.allowed).toBe(true);
    }
  });

  it('lets through only what the limits allow when guesses arrive at once on both instances', async () => {
    const [a, b] = [
      new PostgresLoginThrottle(sql, { ...settings, addressBurst: 10 }),
      new PostgresLoginThrottle(sql, { ...settings, addressBurst: 10 }),
    ];
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).begin('192.0.2.20', 'victim@example.com')),
    );
    // Two free attempts, and a third that is let through but starts the wait for the next.
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it('makes an account wait after its free attempts, doubling up to the cap, whatever the address or instance', async () => {
    const [a, b] = [new PostgresLoginThrottle(sql, settings), new PostgresLoginThrottle(sql, settings)];
    expect((await attempt(a, '192.0.2.31', 'target@example.com')).allowed).toBe(true);
    expect((await attempt(b, '192.0.2.32', 'target@example.com')).allowed).toBe(true);
    const waits: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      expect((await attempt(index % 2 ? a : b, `192.0.2.${40 + index}`, 'target@example.com')).allowed).toBe(true);
      const refused = await attempt(index % 2 ? b : a, `192.0.2.${50 + index}`, 'target@example.com');
      const wait = refused.allowed ? 0 : refused.retryAfterMs;
      waits.push(wait);
      await sleep(wait + 20);
    }
    // 300, 600, 1,200, 1,200 ms, less the time between reserving the wait and asking (a few ms, more on a busy
    // machine).
    [300, 600, 1_200, 1_200].forEach((expected, index) => {
      expect(waits[index]).toBeLessThanOrEqual(expected);
      expect(waits[index]).toBeGreaterThan(expected - 250);
    });

    // A success, on either instance, clears the account.
    expect((await attempt(a, '192.0.2.60', 'target@example.com', 'success')).allowed).toBe(true);
    expect((await attempt(b, '192.0.2.61', 'target@example.com')).allowed).toBe(true);
  });

  it('forgets buckets that would be full again by now', async () => {
    const throttle = new PostgresLoginThrottle(sql, settings);
    await attempt(throttle, '192.0.2.70', undefined);
    await sql.query(
      `UPDATE login_address_buckets SET updated_at = now() - interval '1 hour' WHERE address = '192.0.2.70'`,
    );
    await throttle.sweep();
    expect(await sql.query(`SELECT 1 FROM login_address_buckets WHERE address = '192.0.2.70'`)).toEqual([]);
  });
});

describe('sign-in through the API', () => {
  it('is counted in Postgres: failed logins on this server throttle the same address on another', async () => {
    // Ten accounts, so that only the address's bucket (ten attempts) runs out, not an account's back-off.
    for (let index = 0; index < 10; index += 1) {
      const response = await kiln.api('POST', '/auth/login', {
        body: { email: `nobody${index}@example.com`, password: 'a wrong password' },
      });
      expect(response.status).toBe(401);
    }
    // Each failure took a password check (~0.7 s here), so the bucket refilled a little meanwhile (one every 6 s).
    const [bucket] = (await sql.query(`SELECT tokens FROM login_address_buckets WHERE address = '127.0.0.1'`)) as {
      tokens: number;
    }[];
    expect(bucket!.tokens).toBeLessThan(3);
    const another = new PostgresLoginThrottle(sql);
    let allowed = 0;
    while ((await another.begin('127.0.0.1', `elsewhere${allowed}@example.com`)).allowed) allowed += 1;
    expect(allowed).toBeLessThan(3);
  });
});
