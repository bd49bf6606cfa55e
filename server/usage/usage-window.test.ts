import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.ts';
import { usageWindow } from './usage-window.ts';

describe('usageWindow', () => {
  const now = new Date('2026-03-10T23:59:00Z');

  it('covers N UTC days ending today, 30 by default', () => {
    expect(usageWindow({}, now)).toEqual({
      days: 30,
      from: '2026-02-09',
      to: '2026-03-10',
      since: new Date('2026-02-09T00:00:00Z'),
    });
    expect(usageWindow({ days: '1' }, now)).toMatchObject({ from: '2026-03-10', to: '2026-03-10' });
  });

  it.each(['0', '366', '1.5', 'week', '7\u0000'])('refuses days=%j', (days) => {
    expect(() => usageWindow({ days }, now)).toThrow(ValidationError);
  });
});
