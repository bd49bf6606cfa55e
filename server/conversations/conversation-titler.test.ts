import { describe, expect, it } from 'vitest';
import { cleanTitle } from './conversation-titler.ts';

describe('cleanTitle', () => {
  it('keeps the first line of a model reply, without quotes, prefixes or final punctuation', () => {
    expect(cleanTitle('"Debouncing in TypeScript."\nHope this helps!')).toBe('Debouncing in TypeScript');
    expect(cleanTitle('Title: **Retry with backoff**')).toBe('Retry with backoff');
    expect(cleanTitle('   ')).toBe('');
    expect(cleanTitle('x'.repeat(200))).toHaveLength(80);
  });
});
