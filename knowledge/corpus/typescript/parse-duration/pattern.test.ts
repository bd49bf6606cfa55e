import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './pattern.ts';

describe('parseDuration', () => {
  it('reads single units', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('1w')).toBe(604_800_000);
  });

  it('reads combinations, spaces, long names and commas', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration(' 1h 30m 15s ')).toBe(5_415_000);
    expect(parseDuration('2 days, 4 hours')).toBe(2 * 86_400_000 + 4 * 3_600_000);
    expect(parseDuration('1 Minute 1 SECOND')).toBe(61_000);
  });

  it('reads decimals and negative durations', () => {
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('.5s')).toBe(500);
    expect(parseDuration('-5m')).toBe(-300_000);
  });

  it('treats "m" as minutes and "ms" as milliseconds', () => {
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('1ms')).toBe(1);
  });

  it('rejects bare numbers, unknown units and trailing garbage', () => {
    for (const bad of ['', '   ', '100', '5 parsecs', '1h30', '1h and 5m', 'h', '1.2.3s', '--5m', '5constructor']) {
      expect(() => parseDuration(bad), bad).toThrow(SyntaxError);
    }
  });
});

describe('formatDuration', () => {
  it('uses the largest units and skips zeros', () => {
    expect(formatDuration(5_400_000)).toBe('1h 30m');
    expect(formatDuration(90_061_001)).toBe('1d 1h 1m 1s 1ms');
    expect(formatDuration(1500)).toBe('1s 500ms');
    expect(formatDuration(0)).toBe('0ms');
    expect(formatDuration(-60_000)).toBe('-1m');
  });

  it('round-trips with parseDuration', () => {
    for (const ms of [1, 999, 61_000, 3_600_000, 123_456_789, -7_200_500]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});
