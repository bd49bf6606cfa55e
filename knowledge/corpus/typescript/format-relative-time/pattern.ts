const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// [unit, its length in ms, use it while |difference| is below this]. Switching at 45 s, 45 min, 22 h, …
// avoids "60 minutes ago" and "in 24 hours": the value rounds to 1 of the next unit instead.
const STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number, number]> = [
  ['second', SECOND, 45 * SECOND],
  ['minute', MINUTE, 45 * MINUTE],
  ['hour', HOUR, 22 * HOUR],
  ['day', DAY, 6 * DAY],
  ['week', 7 * DAY, 26 * DAY],
  ['month', 30 * DAY, 320 * DAY], // approximate: 30-day months
  ['year', 365 * DAY, Infinity],
];

export interface RelativeTimeOptions {
  locale?: string;
  /** "auto" (default) says "yesterday", "now", "next week"; "always" says "1 day ago", "in 0 seconds". */
  numeric?: 'auto' | 'always';
  style?: 'long' | 'short' | 'narrow';
}

/** "3 minutes ago" / "in 2 days" for `date` seen from `now` (default: the current time). */
export function formatRelativeTime(date: Date | number, now: Date | number = Date.now(), options: RelativeTimeOptions = {}): string {
  const { locale = 'en', numeric = 'auto', style = 'long' } = options;
  const diff = +date - +now;
  if (!Number.isFinite(diff)) throw new RangeError('Invalid date');
  const format = new Intl.RelativeTimeFormat(locale, { numeric, style });
  const [unit, size] = STEPS.find(([, , below]) => Math.abs(diff) < below) ?? STEPS[STEPS.length - 1]!;
  // Round the magnitude so -0.4 s becomes 0 ("now"), not -0, and halves round away from zero in both directions.
  const amount = Math.round(Math.abs(diff) / size);
  return format.format(diff < 0 ? -amount : amount, unit);
}
