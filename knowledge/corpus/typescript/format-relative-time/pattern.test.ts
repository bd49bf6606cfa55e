import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRelativeTime } from './pattern.ts';

const now = new Date('2024-06-15T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  afterEach(() => vi.useRealTimers());

  it('describes the past and the future', () => {
    expect(formatRelativeTime(at(-30_000), now)).toBe('30 seconds ago');
    expect(formatRelativeTime(at(5 * MIN), now)).toBe('in 5 minutes');
    expect(formatRelativeTime(at(-3 * HOUR), now)).toBe('3 hours ago');
    expect(formatRelativeTime(at(3 * DAY), now)).toBe('in 3 days');
    expect(formatRelativeTime(at(-14 * DAY), now)).toBe('2 weeks ago');
    expect(formatRelativeTime(at(90 * DAY), now)).toBe('in 3 months');
    expect(formatRelativeTime(at(-800 * DAY), now)).toBe('2 years ago');
  });

  it('uses words for the nearest values with numeric "auto"', () => {
    expect(formatRelativeTime(now, now)).toBe('now');
    expect(formatRelativeTime(at(-400), now)).toBe('now');
    expect(formatRelativeTime(at(-DAY), now)).toBe('yesterday');
    expect(formatRelativeTime(at(DAY), now)).toBe('tomorrow');
    expect(formatRelativeTime(at(-DAY), now, { numeric: 'always' })).toBe('1 day ago');
  });

  it('moves to the next unit instead of showing 60 minutes or 24 hours', () => {
    expect(formatRelativeTime(at(-59 * MIN), now)).toBe('1 hour ago');
    expect(formatRelativeTime(at(-44 * MIN), now)).toBe('44 minutes ago');
    expect(formatRelativeTime(at(23 * HOUR), now)).toBe('tomorrow');
    expect(formatRelativeTime(at(-6 * DAY), now)).toBe('last week');
  });

  it('formats in other locales and styles', () => {
    expect(formatRelativeTime(at(-2 * DAY), now, { locale: 'de' })).toBe('vorgestern');
    expect(formatRelativeTime(at(-5 * DAY), now, { locale: 'es' })).toBe('hace 5 días');
    expect(formatRelativeTime(at(3 * HOUR), now, { style: 'short' })).toBe('in 3 hr.');
  });

  it('defaults to the current time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
    expect(formatRelativeTime(at(-2 * MIN))).toBe('2 minutes ago');
  });

  it('rejects invalid dates', () => {
    expect(() => formatRelativeTime(new Date('nope'), now)).toThrow(RangeError);
  });
});
