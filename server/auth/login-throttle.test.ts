import { describe, expect, it } from 'vitest';
import {
  addressKey,
  defaultLoginThrottleSettings,
  InMemoryLoginThrottle,
  type LoginDecision,
} from './login-throttle.ts';

function throttleWithClock(settings = defaultLoginThrottleSettings) {
  const clock = { now: 0 };
  const throttle = new InMemoryLoginThrottle(settings, () => clock.now);
  /** One attempt that ends as `outcome` when allowed; the decision either way. */
  const attempt = (address: string, account: string | undefined, outcome: 'success' | 'failure' = 'failure') => {
    const decision = throttle.decide(address, account);
    if (decision.allowed) void decision.attempt.finish(outcome === 'success');
    return decision;
  };
  return { clock, throttle, attempt };
}

const retryAfter = (decision: LoginDecision) => (decision.allowed ? undefined : decision.retryAfterMs);

describe('InMemoryLoginThrottle', () => {
  it('lets one address make a burst of 10 failed attempts, then one more every 6 seconds', () => {
    const { clock, attempt } = throttleWithClock();
    for (let index = 0; index < 10; index += 1)
      expect(attempt('203.0.113.7', `user${index}@example.com`).allowed).toBe(true);
    expect(retryAfter(attempt('203.0.113.7', 'other@example.com'))).toBe(6_000);
    expect(attempt('198.51.100.1', 'other@example.com').allowed).toBe(true);
    clock.now += 6_000;
    expect(attempt('203.0.113.7', 'other@example.com').allowed).toBe(true);
    expect(attempt('203.0.113.7', 'other@example.com').allowed).toBe(false);
  });

  it('gives the token back on success, so many good sign-ins from one address are never throttled', () => {
    const { attempt } = throttleWithClock();
    for (let index = 0; index < 100; index += 1)
      expect(attempt('127.0.0.1', `user${index}@example.com`, 'success').allowed).toBe(true);
    for (let index = 0; index < 100; index += 1) expect(attempt('127.0.0.1', undefined, 'success').allowed).toBe(true);
  });

  it('cuts off concurrent guesses before any of them has finished', () => {
    const { throttle } = throttleWithClock();
    const decisions = Array.from({ length: 50 }, () => throttle.decide('203.0.113.7', 'victim@example.com'));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(6);
  });

  it('makes an account wait after 5 failures, doubling up to a minute, whatever the address', () => {
    const { clock, attempt } = throttleWithClock();
    const from = (index: number) => `198.51.100.${index}`;
    for (let index = 0; index < 5; index += 1) expect(attempt(from(index), 'victim@example.com').allowed).toBe(true);
    const waits: number[] = [];
    for (let index = 5; index < 15; index += 1) {
      expect(attempt(from(index), 'victim@example.com').allowed).toBe(true);
      const refused = retryAfter(attempt(from(100 + index), 'victim@example.com'))!;
      waits.push(refused);
      clock.now += refused;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
  });

  it('lets the real user in once the wait is over, and a success clears the account', () => {
    const { clock, attempt } = throttleWithClock();
    for (let index = 0; index < 8; index += 1) attempt(`198.51.100.${index}`, 'victim@example.com');
    const wait = retryAfter(attempt('192.0.2.1', 'victim@example.com'))!;
    expect(wait).toBe(1_000);
    clock.now += wait;
    expect(attempt('192.0.2.1', 'victim@example.com', 'success').allowed).toBe(true);
    for (let index = 0; index < 5; index += 1) expect(attempt('192.0.2.2', 'victim@example.com').allowed).toBe(true);
  });

  it('forgets the oldest entries beyond its bound', () => {
    const { attempt } = throttleWithClock({ ...defaultLoginThrottleSettings, addressBurst: 1, maxEntries: 3 });
    attempt('192.0.2.1', undefined);
    expect(attempt('192.0.2.1', undefined).allowed).toBe(false);
    for (const address of ['192.0.2.2', '192.0.2.3', '192.0.2.4']) attempt(address, undefined);
    expect(attempt('192.0.2.1', undefined).allowed).toBe(true);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not help', () => {
    const { attempt } = throttleWithClock();
    for (let index = 1; index <= 10; index += 1)
      expect(attempt(`2001:db8:1:2::${index}`, undefined).allowed).toBe(true);
    expect(attempt('2001:0db8:0001:0002:ffff::1', undefined).allowed).toBe(false);
    expect(attempt('2001:db8:1:3::1', undefined).allowed).toBe(true);
  });
});

describe('addressKey', () => {
  it('keeps IPv4 (also when mapped into IPv6) and reduces IPv6 to its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:DB8:0:12::abcd')).toBe('2001:db8:0:12::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
