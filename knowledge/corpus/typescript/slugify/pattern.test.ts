import { describe, expect, it } from 'vitest';
import { slugify } from './pattern.ts';

describe('slugify', () => {
  it('lowercases and joins words with hyphens', () => {
    expect(slugify('Hello, World!')).toBe('hello-world');
    expect(slugify('  --Already--slugged--  ')).toBe('already-slugged');
    expect(slugify('Top 10 TypeScript tips (2024)')).toBe('top-10-typescript-tips-2024');
  });

  it('folds accents and special letters to ASCII', () => {
    expect(slugify('Crème Brûlée')).toBe('creme-brulee');
    expect(slugify('Straße in Łódź, Ærø')).toBe('strasse-in-lodz-aero');
    expect(slugify('ﬁnal Ｔｅｓｔ')).toBe('final-test');
  });

  it('handles ampersands and apostrophes', () => {
    expect(slugify("Rock & Roll Don't Stop")).toBe('rock-and-roll-dont-stop');
    expect(slugify('It’s here')).toBe('its-here');
  });

  it('cuts at a word boundary when too long', () => {
    expect(slugify('one two three four', { maxLength: 12 })).toBe('one-two');
    expect(slugify('supercalifragilistic word', { maxLength: 5 })).toBe('super');
  });

  it('supports another separator', () => {
    expect(slugify('My Post Title', { separator: '_' })).toBe('my_post_title');
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('日本語')).toBe('');
    expect(slugify('!!!')).toBe('');
    expect(slugify('')).toBe('');
  });
});
