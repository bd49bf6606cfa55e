import { describe, expect, it } from 'vitest';
import { graphemeLength, truncate } from './pattern.ts';

const family = '👨‍👩‍👧‍👦';
const flag = '🇯🇵';
const decomposed = 'e\u0301'; // "é" as e + combining acute accent

describe('graphemeLength', () => {
  it('counts what a reader sees as one character', () => {
    expect(family.length).toBe(11);
    expect(graphemeLength(family)).toBe(1);
    expect(graphemeLength(flag)).toBe(1);
    expect(graphemeLength(`caf${decomposed}`)).toBe(4);
    expect(graphemeLength('👍🏽 ok')).toBe(4);
    expect(graphemeLength('')).toBe(0);
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate(`${family}${family}`, 2)).toBe(`${family}${family}`);
    expect(truncate('', 0)).toBe('');
  });

  it('cuts long text to max graphemes including the ellipsis', () => {
    expect(truncate('hello world', 8)).toBe('hello w…');
    expect(graphemeLength(truncate('hello world', 8))).toBe(8);
    expect(truncate('hello world', 8, { ellipsis: '...' })).toBe('hello...');
  });

  it('never splits emoji sequences, flags or combining accents', () => {
    const text = `Hi ${family}${flag}${decomposed}!`;
    expect(text.slice(0, 5)).not.toBe(`Hi ${family}`); // what .slice gets wrong
    expect(truncate(text, 5)).toBe(`Hi ${family}…`);
    expect(truncate(text, 6)).toBe(`Hi ${family}${flag}…`);
    expect(truncate(`${decomposed}${decomposed}${decomposed}`, 2)).toBe(`${decomposed}…`);
  });

  it('cuts at a word boundary on request', () => {
    expect(truncate('The quick brown fox', 13, { wordBoundary: true })).toBe('The quick…');
    expect(truncate('The quick brown fox', 11, { wordBoundary: true })).toBe('The quick…');
    expect(truncate('Supercalifragilistic', 8, { wordBoundary: true })).toBe('Superca…');
  });

  it('drops trailing whitespace before the ellipsis', () => {
    expect(truncate('one two three', 5)).toBe('one…');
  });

  it('handles limits smaller than the ellipsis', () => {
    expect(truncate('hello', 0)).toBe('');
    expect(truncate('hello', 2, { ellipsis: '...' })).toBe('he');
    expect(() => truncate('hello', -1)).toThrow(RangeError);
  });
});
