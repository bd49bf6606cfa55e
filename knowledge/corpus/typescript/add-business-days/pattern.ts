const DAY_MS = 86_400_000;

export interface BusinessCalendar {
  /** Non-working dates as "YYYY-MM-DD". */
  holidays?: Iterable<string>;
  /** Weekend days, 0 = Sunday … 6 = Saturday. Default [0, 6]; e.g. [5, 6] for Friday–Saturday weekends. */
  weekend?: readonly number[];
}

/** Parses "YYYY-MM-DD" to UTC midnight, rejecting impossible dates like "2023-02-29". */
function toUtcDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return time;
}

const toIsoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

export function isBusinessDay(date: string, { holidays = [], weekend = [0, 6] }: BusinessCalendar = {}): boolean {
  const time = toUtcDay(date);
  return !weekend.includes(new Date(time).getUTCDay()) && !new Set(holidays).has(date);
}

/**
 * addBusinessDays("2024-12-20", 3, { holidays: ["2024-12-25"] }) → "2024-12-26" (Fri + 3 → Mon, Tue, Thu).
 * A negative `days` counts backwards. Starting on a non-working day, +1 gives the next working day.
 */
export function addBusinessDays(date: string, days: number, calendar: BusinessCalendar = {}): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const weekend = calendar.weekend ?? [0, 6];
  if (new Set(weekend).size >= 7) throw new RangeError('A week needs at least one working day');
  const holidays = new Set(calendar.holidays ?? []);
  let time = toUtcDay(date);
  const step = Math.sign(days) * DAY_MS;
  for (let remaining = Math.abs(days); remaining > 0; ) {
    time += step;
    if (!weekend.includes(new Date(time).getUTCDay()) && !holidays.has(toIsoDay(time))) remaining--;
  }
  return toIsoDay(time);
}
