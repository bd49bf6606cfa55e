import { describe, expect, it } from 'vitest';
import { intersectRanges, mergeRanges, rangesOverlap, type DateRange } from './pattern.ts';

const range = (start: string, end: string): DateRange => ({ start: new Date(`2024-06-01T${start}:00Z`), end: new Date(`2024-06-01T${end}:00Z`) });

describe('rangesOverlap', () => {
  it('detects partial overlap, containment and identical ranges, in either order', () => {
    expect(rangesOverlap(range('09:00', '10:30'), range('10:00', '11:00'))).toBe(true);
    expect(rangesOverlap(range('10:00', '11:00'), range('09:00', '10:30'))).toBe(true);
    expect(rangesOverlap(range('09:00', '17:00'), range('12:00', '13:00'))).toBe(true);
    expect(rangesOverlap(range('12:00', '13:00'), range('09:00', '17:00'))).toBe(true);
    expect(rangesOverlap(range('09:00', '10:00'), range('09:00', '10:00'))).toBe(true);
  });

  it('does not treat back-to-back or separate ranges as overlapping', () => {
    expect(rangesOverlap(range('10:00', '11:00'), range('11:00', '12:00'))).toBe(false);
    expect(rangesOverlap(range('11:00', '12:00'), range('10:00', '11:00'))).toBe(false);
    expect(rangesOverlap(range('08:00', '09:00'), range('10:00', '11:00'))).toBe(false);
  });

  it('never overlaps with an empty range', () => {
    expect(rangesOverlap(range('10:00', '10:00'), range('09:00', '11:00'))).toBe(false);
  });

  it('rejects reversed and invalid ranges', () => {
    expect(() => rangesOverlap(range('11:00', '10:00'), range('09:00', '12:00'))).toThrow(RangeError);
    expect(() => rangesOverlap({ start: new Date('nope'), end: new Date() }, range('09:00', '12:00'))).toThrow(RangeError);
  });
});

describe('intersectRanges', () => {
  it('returns the shared part or null', () => {
    expect(intersectRanges(range('09:00', '10:30'), range('10:00', '11:00'))).toEqual(range('10:00', '10:30'));
    expect(intersectRanges(range('09:00', '17:00'), range('12:00', '13:00'))).toEqual(range('12:00', '13:00'));
    expect(intersectRanges(range('10:00', '11:00'), range('11:00', '12:00'))).toBeNull();
  });
});

describe('mergeRanges', () => {
  it('merges overlapping and touching ranges and sorts them', () => {
    const input = [range('13:00', '14:00'), range('09:00', '10:00'), range('09:30', '11:00'), range('11:00', '11:30'), range('15:00', '16:00'), range('15:15', '15:45')];
    expect(mergeRanges(input)).toEqual([range('09:00', '11:30'), range('13:00', '14:00'), range('15:00', '16:00')]);
    expect(input[0]).toEqual(range('13:00', '14:00'));
  });

  it('handles empty input', () => {
    expect(mergeRanges([])).toEqual([]);
  });
});
