import { describe, expect, it } from 'vitest';
import { convertTimeZone, fromZonedTime, timeZoneOffset, toZonedTime } from './pattern.ts';

describe('toZonedTime', () => {
  it('shows the wall-clock time of an instant in a zone', () => {
    const instant = new Date('2024-07-01T12:00:00Z');
    expect(toZonedTime(instant, 'Europe/Paris')).toEqual({ year: 2024, month: 7, day: 1, hour: 14, minute: 0, second: 0 });
    expect(toZonedTime(instant, 'America/Los_Angeles')).toMatchObject({ day: 1, hour: 5 });
    expect(toZonedTime(instant, 'Asia/Kolkata')).toMatchObject({ hour: 17, minute: 30 });
    expect(toZonedTime(new Date('2024-01-01T04:30:00Z'), 'America/New_York')).toMatchObject({ year: 2023, month: 12, day: 31, hour: 23 });
  });

  it('shows midnight as hour 0', () => {
    expect(toZonedTime(new Date('2024-07-01T22:00:00Z'), 'Europe/Paris')).toMatchObject({ day: 2, hour: 0 });
  });

  it('throws for an unknown zone', () => {
    expect(() => toZonedTime(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('timeZoneOffset', () => {
  it('follows daylight saving time', () => {
    expect(timeZoneOffset(new Date('2024-01-15T12:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(timeZoneOffset(new Date('2024-07-15T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(timeZoneOffset(new Date('2024-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(timeZoneOffset(new Date('2024-01-15T12:00:00Z'), 'Asia/Kathmandu')).toBe(345);
  });
});

describe('fromZonedTime', () => {
  it('finds the instant of a wall-clock time', () => {
    expect(fromZonedTime({ year: 2024, month: 7, day: 1, hour: 9 }, 'Europe/Paris').toISOString()).toBe('2024-07-01T07:00:00.000Z');
    expect(fromZonedTime({ year: 2024, month: 1, day: 1 }, 'Asia/Tokyo').toISOString()).toBe('2023-12-31T15:00:00.000Z');
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    // New York, 2024-03-10: clocks jump from 02:00 EST to 03:00 EDT.
    const skipped = fromZonedTime({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, 'America/New_York');
    expect(skipped.toISOString()).toBe('2024-03-10T07:30:00.000Z');
    expect(toZonedTime(skipped, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('picks the earlier or later instant of a repeated fall-back time', () => {
    // New York, 2024-11-03: 01:30 happens in EDT (-4) and again in EST (-5).
    const wall = { year: 2024, month: 11, day: 3, hour: 1, minute: 30 };
    expect(fromZonedTime(wall, 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
    expect(fromZonedTime(wall, 'America/New_York', { prefer: 'later' }).toISOString()).toBe('2024-11-03T06:30:00.000Z');
  });

  it('round-trips with toZonedTime around transitions', () => {
    for (const iso of ['2024-03-31T00:59:59Z', '2024-03-31T01:00:00Z', '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z']) {
      const instant = new Date(iso);
      const wall = toZonedTime(instant, 'Europe/Berlin');
      const back = fromZonedTime(wall, 'Europe/Berlin', { prefer: iso === '2024-10-27T01:30:00Z' ? 'later' : 'earlier' });
      expect(back.toISOString()).toBe(instant.toISOString());
    }
  });
});

describe('convertTimeZone', () => {
  it('converts a wall-clock time between zones', () => {
    expect(convertTimeZone({ year: 2024, month: 6, day: 3, hour: 9 }, 'Asia/Tokyo', 'Europe/Berlin')).toEqual({
      year: 2024, month: 6, day: 3, hour: 2, minute: 0, second: 0,
    });
    expect(convertTimeZone({ year: 2024, month: 1, day: 1, hour: 0, minute: 15 }, 'Europe/London', 'America/Los_Angeles')).toMatchObject({
      year: 2023, month: 12, day: 31, hour: 16, minute: 15,
    });
  });
});
