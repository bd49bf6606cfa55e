import { describe, expect, it } from 'vitest';
import { daysInMonth, parseIsoDate } from './pattern.ts';

const iso = (input: string) => parseIsoDate(input)?.toISOString() ?? null;

describe('parseIsoDate', () => {
  it('reads a date-only string as UTC midnight', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('applies Z and numeric offsets', () => {
    expect(iso('2024-06-01T12:30:00Z')).toBe('2024-06-01T12:30:00.000Z');
    expect(iso('2024-06-01T12:30:00+02:00')).toBe('2024-06-01T10:30:00.000Z');
    expect(iso('2024-06-01T00:15-05:30')).toBe('2024-06-01T05:45:00.000Z');
    expect(iso('2024-06-01T12:30:00+0100')).toBe('2024-06-01T11:30:00.000Z');
    expect(iso('2024-12-31T23:00:00-02:00')).toBe('2025-01-01T01:00:00.000Z');
  });

  it('keeps milliseconds and truncates finer fractions', () => {
    expect(iso('2024-06-01T12:30:00.5Z')).toBe('2024-06-01T12:30:00.500Z');
    expect(iso('2024-06-01T12:30:00.123456789Z')).toBe('2024-06-01T12:30:00.123Z');
  });

  it('rejects impossible dates that new Date() rolls over', () => {
    expect(new Date('2023-02-29').toISOString()).toBe('2023-03-01T00:00:00.000Z');
    for (const input of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '1900-02-29']) {
      expect(parseIsoDate(input), input).toBeNull();
    }
    expect(iso('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
  });

  it('rejects impossible times and offsets', () => {
    for (const input of ['2024-06-01T24:00:00Z', '2024-06-01T12:60:00Z', '2024-06-01T23:59:60Z', '2024-06-01T12:00:00+24:00']) {
      expect(parseIsoDate(input), input).toBeNull();
    }
  });

  it('rejects date-times without an offset, which new Date() reads in local time', () => {
    expect(parseIsoDate('2024-06-01T12:30:00')).toBeNull();
    expect(parseIsoDate('2024-06-01T12:30')).toBeNull();
  });

  it('rejects loose formats', () => {
    for (const input of ['', '06/01/2024', '2024-6-1', 'June 1, 2024', '2024-06-01T12Z', '20240601', '2024-06-01Z', '1717243200000']) {
      expect(parseIsoDate(input), input).toBeNull();
    }
  });

  it('handles years below 100 without mapping them to the 1900s', () => {
    expect(parseIsoDate('0099-01-01')?.getUTCFullYear()).toBe(99);
  });
});

describe('daysInMonth', () => {
  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 4)).toBe(30);
  });
});
