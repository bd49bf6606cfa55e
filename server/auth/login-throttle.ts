/** A password attempt that was let through; `finish` it once the credentials were checked. */
export interface LoginAttempt {
  finish(succeeded: boolean): Promise<void>;
}

export type LoginDecision = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterMs: number };

/**
 * Decides whether a sign-in or sign-up may try a password now, before any hashing. In Postgres for the server
 * (PostgresLoginThrottle: one state for every instance), in memory for tests.
 */
export interface LoginThrottle {
  /** `account` is the normalised email; omit it when the attempt does not target one account (sign-up). */
  begin(address: string, account?: string): Promise<LoginDecision>;
}

export interface LoginThrottleSettings {
  /** Failed attempts one client address may make in a burst; successes give their token back. */
  addressBurst: number;
  /** How often one address earns back an attempt. */
  addressRefillMs: number;
  /** Attempts at one account, since its last success, before each next attempt has to wait. */
  accountFreeAttempts: number;
  /** The first wait; it doubles with each further attempt, up to `accountMaxDelayMs`. */
  accountBaseDelayMs: number;
  accountMaxDelayMs: number;
  /** Addresses and accounts remembered at most; the oldest are forgotten first. */
  maxEntries: number;
}

export const defaultLoginThrottleSettings: LoginThrottleSettings = {
  addressBurst: 10,
  addressRefillMs: 6_000,
  accountFreeAttempts: 5,
  accountBaseDelayMs: 1_000,
  accountMaxDelayMs: 60_000,
  maxEntries: 10_000,
};

interface AddressBucket {
  tokens: number;
  updatedAt: number;
}

interface AccountBackoff {
  /** Attempts since the last success, those still running included. */
  strikes: number;
  blockedUntil: number;
}

/**
 * In memory, per process. Per address: a token bucket that every attempt draws from
 * and that a success refunds, so a burst of guesses is cut off while a test suite or a
 * family behind one router can sign in as often as it likes. Per account: after a few
 * attempts without success each next one waits longer (doubling, capped at a minute),
 * and a success clears it; an attacker can slow the real user down, never lock them out
 * for more than `accountMaxDelayMs` after the attack stops.
 */
export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly addresses = new Map<string, AddressBucket>();
  private readonly accounts = new Map<string, AccountBackoff>();

  constructor(
    private readonly settings: LoginThrottleSettings = defaultLoginThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {}

  begin(address: string, account?: string): Promise<LoginDecision> {
    return Promise.resolve(this.decide(address, account));
  }

  /** `begin`, synchronously: in memory, the decision and an attempt's `finish` take effect at once. */
  decide(address: string, account?: string): LoginDecision {
    const now = this.now();
    const bucket = this.refill(addressKey(address), now);
    if (bucket.tokens < 1) {
      return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * this.settings.addressRefillMs) };
    }
    const backoff = account === undefined ? undefined : this.backoff(account);
    if (backoff && backoff.blockedUntil > now) return { allowed: false, retryAfterMs: backoff.blockedUntil - now };
    bucket.tokens -= 1;
    if (backoff) {
      backoff.strikes += 1;
      const extra = backoff.strikes - this.settings.accountFreeAttempts;
      // Reserved now, before the password is checked, so concurrent guesses cannot all slip through.
      if (extra > 0) backoff.blockedUntil = now + backoffDelay(this.settings, extra);
    }
    return allowed(() => {
      bucket.tokens = Math.min(this.settings.addressBurst, bucket.tokens + 1);
      if (account !== undefined) this.accounts.delete(account);
    });
  }

  private refill(address: string, now: number): AddressBucket {
    const bucket = this.addresses.get(address) ?? { tokens: this.settings.addressBurst, updatedAt: now };
    const earned = (now - bucket.updatedAt) / this.settings.addressRefillMs;
    bucket.tokens = Math.min(this.settings.addressBurst, bucket.tokens + earned);
    bucket.updatedAt = now;
    remember(this.addresses, address, bucket, this.settings.maxEntries);
    return bucket;
  }

  private backoff(account: string): AccountBackoff {
    const backoff = this.accounts.get(account) ?? { strikes: 0, blockedUntil: 0 };
    remember(this.accounts, account, backoff, this.settings.maxEntries);
    return backoff;
  }
}

/** An attempt let through, whose first successful `finish` (only) runs `onSuccess`: the token back, the account cleared. */
export function allowed(onSuccess: () => void | Promise<void>): LoginDecision {
  let finished = false;
  return {
    allowed: true,
    attempt: {
      finish: async (succeeded) => {
        if (finished || !succeeded) return;
        finished = true;
        await onSuccess();
      },
    },
  };
}

/** The wait before an account's next attempt, `extraAttempts` past its free ones: doubling, capped. */
export function backoffDelay(settings: LoginThrottleSettings, extraAttempts: number): number {
  const doublings = Math.min(extraAttempts - 1, 30);
  return Math.min(settings.accountBaseDelayMs * 2 ** doublings, settings.accountMaxDelayMs);
}

/**
 * IPv4 addresses as they are; IPv6 ones by their /64 network, since one subscriber
 * usually gets a whole /64 and could otherwise take a fresh address per guess.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Re-inserts `key` as the newest entry and forgets the oldest beyond `maxEntries`. */
function remember<Value>(map: Map<string, Value>, key: string, value: Value, maxEntries: number) {
  map.delete(key);
  map.set(key, value);
  while (map.size > maxEntries) map.delete(map.keys().next().value!);
}
