/** Slack's ids of teams, users, channels and bots: letters and digits (`T0123ABC`, `U0123ABC`, `D0123ABC`). */
export function isSlackId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z0-9]{1,40}$/i.test(value);
}

/** A message timestamp, which is also its id: `1712345678.123456`. */
export function isSlackTs(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,12}\.\d{1,8}$/.test(value);
}
