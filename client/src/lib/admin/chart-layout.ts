import { roundCeiling } from '../knowledge/daily-chart.ts';

/** One segment of a stacked bar, in the plot's coordinates (y grows downwards). */
export interface BarSegment {
  series: number;
  y: number;
  height: number;
}

export interface StackedBars {
  bars: { index: number; x: number; width: number; total: number; segments: BarSegment[] }[];
  /** A round value at or above the highest stack: the axis' top. */
  top: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Bars of `series` (each one value per slot) stacked per slot, across `width`, scaled to `height`. */
export function stackedBars(
  series: readonly (readonly number[])[],
  size: { width: number; height: number },
): StackedBars {
  const slots = Math.max(0, ...series.map((values) => values.length));
  const totals = Array.from({ length: slots }, (_, index) =>
    series.reduce((sum, values) => sum + (values[index] ?? 0), 0),
  );
  const top = roundCeiling(Math.max(0, ...totals));
  const slot = slots ? size.width / slots : 0;
  const width = round(slot * 0.7);
  const bars = totals.map((total, index) => {
    let base = size.height;
    const segments = series.flatMap((values, seriesIndex) => {
      const height = round(((values[index] ?? 0) / top) * size.height);
      if (height <= 0) return [];
      base = round(base - height);
      return [{ series: seriesIndex, y: base, height }];
    });
    return { index, x: round(index * slot + (slot - width) / 2), width, total, segments };
  });
  return { bars, top };
}

/** A polyline's points through one value per slot (each at its slot's middle), scaled to `height`. */
export function linePoints(values: readonly number[], size: { width: number; height: number }) {
  const highest = Math.max(0, ...values);
  // Costs are fractions of a dollar: the axis' top is the highest value rounded up to two significant digits.
  const unit = highest > 0 ? 10 ** (Math.floor(Math.log10(highest)) - 1) : 1;
  const top = highest > 0 ? Math.ceil(highest / unit) * unit : 1;
  const slot = values.length ? size.width / values.length : 0;
  const points = values.map((value, index) => ({
    x: round(index * slot + slot / 2),
    y: round(size.height - (value / top) * size.height),
    value,
  }));
  return { points, top, path: points.map((point) => `${point.x},${point.y}`).join(' ') };
}
