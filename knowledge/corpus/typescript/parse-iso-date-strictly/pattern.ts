const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[Zz]|([+-])(\d{2}):?(\d{2})))?$/;

/** Days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the following month is the last day of this one
  return date.getUTCDate();
}

/**
 * Strict ISO 8601 / RFC 3339 parsing. Accepts "YYYY-MM-DD" (read as UTC midnight) and
 * "YYYY-MM-DDTHH:mm[:ss[.fff]]" followed by "Z" or an offset ("+01:00", "-0530"). A date-time without an offset
 * is rejected: its instant would depend on the server's time zone. Returns null for invalid input, including
 * impossible dates and times (2023-02-29, 2024-04-31, 24:00, 23:59:60) that new Date() would roll over or accept.
 * Fractions beyond milliseconds are truncated.
 */
export function parseIsoDate(input: string): Date | null {
  const match = ISO.exec(input.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', sign, oh = '0', om = '0'] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || Number(oh) > 23 || Number(om) > 59) return null;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  date.setUTCFullYear(year, month - 1, day); // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not
  return new Date(date.getTime() - offsetMinutes * 60_000);
}
