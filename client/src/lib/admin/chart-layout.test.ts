import { describe, expect, it } from 'vitest';
import { linePoints, stackedBars } from './chart-layout.ts';

describe('stackedBars', () => {
  it('stacks each slot from the baseline up, scaled to a round top', () => {
    const { bars, top } = stackedBars(
      [
        [3, 0, 1],
        [1, 0, 0],
      ],
      { width: 300, height: 100 },
    );
    expect(top).toBe(5);
    expect(bars[0]).toMatchObject({
      total: 4,
      x: 15,
      width: 70,
      segments: [
        { series: 0, y: 40, height: 60 },
        { series: 1, y: 20, height: 20 },
      ],
    });
    expect(bars[1]!.segments).toEqual([]);
    expect(bars[2]!.segments).toEqual([{ series: 0, y: 80, height: 20 }]);
  });
});

describe('linePoints', () => {
  it('puts each value at its slot’s middle, the highest near the top', () => {
    const { points, top, path } = linePoints([0, 0.0123], { width: 200, height: 100 });
    expect(top).toBeCloseTo(0.013, 10);
    expect(points.map((point) => point.x)).toEqual([50, 150]);
    expect(points[0]!.y).toBe(100);
    expect(points[1]!.y).toBeCloseTo(5.38, 1);
    expect(path).toBe(`50,100 150,${points[1]!.y}`);
  });

  it('draws all zeros on the baseline', () => {
    expect(linePoints([0, 0], { width: 100, height: 50 }).points.map((point) => point.y)).toEqual([50, 50]);
  });
});
