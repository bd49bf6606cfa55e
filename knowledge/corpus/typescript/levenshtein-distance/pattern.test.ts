import { describe, it, expect } from 'vitest';
import { closestMatch, levenshtein } from './pattern.ts';

describe('levenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['same', 'same', 0],
    ['abc', 'acb', 2],
    ['Case', 'case', 1],
  ])('%s -> %s is %i', (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
    expect(levenshtein(b, a)).toBe(expected);
  });

  it('counts an emoji as one character', () => {
    expect(levenshtein('😀', '😃')).toBe(1);
    expect(levenshtein('a😀b', 'ab')).toBe(1);
  });

  it('stops early and caps the result at max + 1', () => {
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(levenshtein('a', 'abcdefgh', 2)).toBe(3);
    expect(levenshtein('abcdef', 'uvwxyz', 0)).toBe(1);
    expect(levenshtein('abc', 'abc', 0)).toBe(0);
  });

  it('handles long strings quickly', () => {
    const a = 'ab'.repeat(1000);
    const b = 'ba'.repeat(1000);
    expect(levenshtein(a, b)).toBe(2);
  });
});

describe('closestMatch', () => {
  const commands = ['install', 'uninstall', 'init', 'publish', 'test'];

  it('suggests the nearest candidate', () => {
    expect(closestMatch('instal', commands)).toBe('install');
    expect(closestMatch('tset', commands)).toBe('test');
    expect(closestMatch('PUBLSH', commands)).toBe('publish');
  });

  it('returns undefined when nothing is close enough', () => {
    expect(closestMatch('deploy', commands)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
    expect(closestMatch('tst', commands, 0)).toBeUndefined();
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
  });
});
