export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}
export type WallTimeInput = Pick<WallTime, 'year' | 'month' | 'day'> & Partial<WallTime>;

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws RangeError for an unknown zone. hourCycle h23 avoids "24" for midnight.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time an instant shows in an IANA zone such as "America/New_York". */
export function toZonedTime(instant: Date | number, timeZone: string): WallTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const wallAsUtc = (w: WallTimeInput): number => {
  const date = new Date(Date.UTC(2000, 0, 1, w.hour ?? 0, w.minute ?? 0, w.second ?? 0));
  return date.setUTCFullYear(w.year, w.month - 1, w.day);
};

/** Minutes the zone is ahead of UTC at that instant: 120 for Paris in summer, -300 for New York in winter. */
export function timeZoneOffset(instant: Date | number, timeZone: string): number {
  const ms = Math.floor(+instant / 1000) * 1000; // Intl shows whole seconds
  return Math.round((wallAsUtc(toZonedTime(ms, timeZone)) - ms) / MINUTE);
}

/**
 * The instant a wall-clock time happens in `timeZone`. In a DST gap (02:30 on a spring-forward night) the time
 * moves forward by the gap (03:30); in a fall-back overlap (01:30 happens twice) it takes the earlier instant,
 * or the later one with { prefer: 'later' }.
 */
export function fromZonedTime(wall: WallTimeInput, timeZone: string, { prefer = 'earlier' }: { prefer?: 'earlier' | 'later' } = {}): Date {
  const local = wallAsUtc(wall);
  const before = timeZoneOffset(local - DAY, timeZone);
  const after = timeZoneOffset(local + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * MINUTE)
    .filter((instant) => timeZoneOffset(instant, timeZone) * MINUTE === local - instant)
    .sort((a, b) => a - b);
  if (candidates.length === 0) return new Date(local - before * MINUTE); // the gap: keep the pre-transition offset
  return new Date((prefer === 'later' ? candidates.at(-1) : candidates[0])!);
}

/** The wall-clock time in `to` when it is `wall` in `from`, e.g. a 09:00 Tokyo meeting seen from Berlin. */
export function convertTimeZone(wall: WallTimeInput, from: string, to: string): WallTime {
  return toZonedTime(fromZonedTime(wall, from), to);
}
