import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { isUuidV7, uuidv7, uuidv7Date } from './pattern.ts';

describe('uuidv7', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-04T05:06:07.089Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('has the v7 layout: version nibble 7, variant 10xx', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuidV7(id)).toBe(true);
    expect(isUuidV7(crypto.randomUUID())).toBe(false); // v4
  });

  it('encodes the creation time in the first 48 bits', () => {
    expect(uuidv7Date(uuidv7()).toISOString()).toBe('2025-03-04T05:06:07.089Z');
    expect(() => uuidv7Date('not-a-uuid')).toThrow(TypeError);
  });

  it('is strictly increasing, even for many ids in the same millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect(new Set(ids).size).toBe(5000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts by time across milliseconds and survives the clock going backwards', () => {
    const first = uuidv7();
    vi.advanceTimersByTime(1);
    const second = uuidv7();
    vi.setSystemTime(new Date('2025-03-04T05:00:00Z'));
    const third = uuidv7();
    expect([third, second, first].sort()).toEqual([first, second, third]);
    expect(uuidv7Date(third).getTime()).toBeGreaterThanOrEqual(uuidv7Date(second).getTime());
  });
});
