import type { Intent } from './turn-events.ts';

/** Tokens and cost of a set of turns. `costUsd` leaves out turns of unpriced models (`unpricedTurns` counts them). */
export interface TokenTotals {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedTurns: number;
  turns: number;
}

/** Sandbox runs and their verdicts; `passRate` is passed / finished (null when none finished). */
export interface RunTotals {
  runs: number;
  passed: number;
  failed: number;
  errors: number;
  passRate: number | null;
}

/** A user's usage over the window. */
export interface UserUsage extends TokenTotals {
  userId: string;
  email: string;
  runs: number;
}

/**
 * `GET /api/v1/admin/usage?days=N`: what the installation used over the last N UTC days (today included).
 * Days are `YYYY-MM-DD` in UTC; days without activity are left out of the daily lists. A turn counts on the day it
 * started; its intent is null when it ended before it was routed.
 */
export interface UsageReport {
  window: { days: number; from: string; to: string };
  totals: TokenTotals & { runs: RunTotals };
  /** Users with a turn or a run in the window, the most expensive first (then the most tokens). */
  users: UserUsage[];
  /** Per day, all users together. */
  dailyTotals: ({ day: string } & TokenTotals)[];
  /** Per user and day. */
  daily: ({ day: string; userId: string } & TokenTotals)[];
  intents: {
    total: { intent: Intent | null; turns: number }[];
    daily: { day: string; intent: Intent | null; turns: number }[];
  };
  runs: { daily: ({ day: string } & RunTotals)[] };
}
