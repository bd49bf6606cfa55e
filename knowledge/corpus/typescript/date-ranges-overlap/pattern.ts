/** A half-open range [start, end): it includes start and excludes end. */
export interface DateRange {
  start: Date;
  end: Date;
}

function bounds({ start, end }: DateRange): [number, number] {
  const [from, to] = [start.getTime(), end.getTime()];
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('Invalid date in range');
  if (to < from) throw new RangeError(`Range ends (${end.toISOString()}) before it starts (${start.toISOString()})`);
  return [from, to];
}

/**
 * True when the ranges share at least one instant. Touching ranges (one ends exactly when the other starts) do
 * not overlap, and an empty range (start = end) overlaps nothing; to test whether an instant t falls inside a
 * range, use start <= t && t < end instead.
 */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const [aStart, aEnd] = bounds(a);
  const [bStart, bEnd] = bounds(b);
  return aStart < bEnd && bStart < aEnd && aStart < aEnd && bStart < bEnd;
}

/** The shared part of two ranges, or null when they do not overlap. */
export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  const [aStart, aEnd] = bounds(a);
  const [bStart, bEnd] = bounds(b);
  const start = Math.max(aStart, bStart);
  const end = Math.min(aEnd, bEnd);
  return start < end ? { start: new Date(start), end: new Date(end) } : null;
}

/**
 * Merges overlapping and touching ranges into a sorted list of disjoint ones, e.g. to compute busy time from
 * a calendar. Does not modify the input.
 */
export function mergeRanges(ranges: readonly DateRange[]): DateRange[] {
  const sorted = ranges.map(bounds).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}
