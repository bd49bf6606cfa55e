const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

// A Map, not an object literal: a unit like "constructor" must not resolve to Object.prototype.constructor.
const UNITS = new Map<string, number>();
for (const [ms, names] of [
  [1, ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds']],
  [SECOND, ['s', 'sec', 'secs', 'second', 'seconds']],
  [MINUTE, ['m', 'min', 'mins', 'minute', 'minutes']],
  [HOUR, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [DAY, ['d', 'day', 'days']],
  [WEEK, ['w', 'wk', 'wks', 'week', 'weeks']],
] as const) {
  for (const name of names) UNITS.set(name, ms);
}

/**
 * "1h30m", "1h 30m", "90s", "1.5 hours", "2 days, 4 hours", "-5m" → milliseconds (rounded to a whole ms).
 * Throws on a bare number, an unknown unit or any unread text.
 */
export function parseDuration(input: string): number {
  const text = input.trim().toLowerCase();
  const sign = text.startsWith('-') ? -1 : 1;
  const token = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)[\s,]*/y;
  token.lastIndex = sign === -1 ? 1 : 0;
  let total = 0;
  let count = 0;
  while (token.lastIndex < text.length) {
    const match = token.exec(text);
    if (!match) throw new SyntaxError(`Invalid duration: ${JSON.stringify(input)}`);
    const unit = UNITS.get(match[2] ?? '');
    if (unit === undefined) throw new SyntaxError(`Unknown unit ${JSON.stringify(match[2])} in duration ${JSON.stringify(input)}`);
    total += Number(match[1]) * unit;
    count++;
  }
  if (count === 0) throw new SyntaxError(`Invalid duration: ${JSON.stringify(input)}`);
  return sign * Math.round(total);
}

/** 5_400_000 → "1h 30m"; 1500 → "1s 500ms"; 0 → "0ms". The output parses back with parseDuration. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Not a finite duration: ${ms}`);
  let rest = Math.round(Math.abs(ms));
  const parts: string[] = [];
  for (const [unit, size] of [['d', DAY], ['h', HOUR], ['m', MINUTE], ['s', SECOND], ['ms', 1]] as const) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  if (parts.length === 0) return '0ms';
  return (ms < 0 ? '-' : '') + parts.join(' ');
}
