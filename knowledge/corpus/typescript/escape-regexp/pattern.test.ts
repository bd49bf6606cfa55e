import { describe, it, expect } from 'vitest';
import { escapeRegExp, escapeReplacement, literalRegExp, splitMatches } from './pattern.ts';

const SPECIALS = '.*+?^${}()|[]\\/';

describe('escapeRegExp', () => {
  it('makes every special character match literally', () => {
    const re = new RegExp(`^${escapeRegExp(SPECIALS)}$`);
    expect(re.test(SPECIALS)).toBe(true);
    expect(re.test('a*+?^${}()|[]\\/')).toBe(false);
    for (const ch of SPECIALS) expect(new RegExp(`^${escapeRegExp(ch)}$`).test(ch)).toBe(true);
  });

  it('leaves ordinary text alone and is valid with the u flag', () => {
    expect(escapeRegExp('hello world-1')).toBe('hello world-1');
    expect(() => new RegExp(escapeRegExp(`${SPECIALS}-`), 'u')).not.toThrow();
    expect(literalRegExp('€ 1.50 (ca.)', 'u').test('costs € 1.50 (ca.) now')).toBe(true);
  });

  it('turns a would-be ReDoS pattern into a harmless literal', () => {
    const re = literalRegExp('(a+)+$');
    const start = performance.now();
    expect(re.test(`${'a'.repeat(40)}!`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(50);
    expect(re.test('x(a+)+$y')).toBe(true);
  });

  it('does not treat a dot as "any character"', () => {
    expect(literalRegExp('a.c').test('abc')).toBe(false);
    expect(literalRegExp('a.c').test('a.c')).toBe(true);
  });
});

describe('escapeReplacement and highlight', () => {
  it('inserts user text containing $ verbatim', () => {
    expect('price: X'.replace('X', '$&5')).toBe('price: X5');
    expect('price: X'.replace('X', escapeReplacement('$&5'))).toBe('price: $&5');
    expect('a-b'.replace(/-/g, escapeReplacement('$$'))).toBe('a$$b');
  });

  it('splits text around every case-insensitive literal match, keeping the original case', () => {
    expect(splitMatches('C++ and c++ (not C#)', 'c++')).toEqual([
      { text: 'C++', match: true },
      { text: ' and ', match: false },
      { text: 'c++', match: true },
      { text: ' (not C#)', match: false },
    ]);
    expect(splitMatches('no match', '.*')).toEqual([{ text: 'no match', match: false }]);
    expect(splitMatches('text', '')).toEqual([{ text: 'text', match: false }]);
    expect(splitMatches('', 'x')).toEqual([]);
  });
});
