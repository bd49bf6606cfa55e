import { describe, expect, it } from 'vitest';
import { addBusinessDays, isBusinessDay } from './pattern.ts';

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    expect(addBusinessDays('2024-06-13', 1)).toBe('2024-06-14'); // Thu → Fri
    expect(addBusinessDays('2024-06-14', 1)).toBe('2024-06-17'); // Fri → Mon
    expect(addBusinessDays('2024-06-14', 5)).toBe('2024-06-21'); // Fri → next Fri
    expect(addBusinessDays('2024-06-10', 10)).toBe('2024-06-24');
  });

  it('skips holidays', () => {
    const holidays = ['2024-12-25', '2024-12-26', '2025-01-01'];
    expect(addBusinessDays('2024-12-24', 1, { holidays })).toBe('2024-12-27');
    expect(addBusinessDays('2024-12-20', 5, { holidays })).toBe('2024-12-31');
    expect(addBusinessDays('2024-12-20', 6, { holidays })).toBe('2025-01-02');
  });

  it('counts backwards for negative days', () => {
    expect(addBusinessDays('2024-06-17', -1)).toBe('2024-06-14'); // Mon → Fri
    expect(addBusinessDays('2024-12-27', -2, { holidays: ['2024-12-25', '2024-12-26'] })).toBe('2024-12-23');
  });

  it('starts from a weekend like a working day would and leaves 0 alone', () => {
    expect(addBusinessDays('2024-06-15', 1)).toBe('2024-06-17'); // Sat → Mon
    expect(addBusinessDays('2024-06-15', 0)).toBe('2024-06-15');
  });

  it('crosses months, years, leap days and DST changes', () => {
    expect(addBusinessDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addBusinessDays('2024-03-08', 1)).toBe('2024-03-11'); // US DST starts 2024-03-10
    expect(addBusinessDays('2024-10-25', 1)).toBe('2024-10-28'); // EU DST ends 2024-10-27
    expect(addBusinessDays('2023-12-29', 1)).toBe('2024-01-01');
  });

  it('supports other weekends', () => {
    expect(addBusinessDays('2024-06-13', 1, { weekend: [5, 6] })).toBe('2024-06-16'); // Thu → Sun
    expect(() => addBusinessDays('2024-06-13', 1, { weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
  });

  it('rejects invalid dates and fractional days', () => {
    expect(() => addBusinessDays('2023-02-29', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2024-6-1', 1)).toThrow(RangeError);
    expect(() => addBusinessDays('2024-06-13', 1.5)).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it('checks weekends and holidays', () => {
    expect(isBusinessDay('2024-06-14')).toBe(true);
    expect(isBusinessDay('2024-06-15')).toBe(false);
    expect(isBusinessDay('2024-12-25', { holidays: ['2024-12-25'] })).toBe(false);
  });
});
