import { describe, expect, it } from 'vitest';
import { casesFromTemplate, formatEachTitle } from './format-each-title.ts';

describe('formatEachTitle', () => {
  it('fills printf placeholders with the case values in order', () => {
    expect(formatEachTitle('add(%i, %d) = %s', [1, 2, 'three'], 0)).toBe('add(1, 2) = three');
    expect(formatEachTitle('%j and 100%%', [{ a: 1 }], 0)).toBe('{"a":1} and 100%');
  });

  it('numbers cases with %# (from 0) and %$ (from 1)', () => {
    expect(formatEachTitle('case %# of %$', [], 4)).toBe('case 4 of 5');
  });

  it('names properties of an object case with $name, and elements of an array case with $0', () => {
    expect(formatEachTitle('$name is $user.age', [{ name: 'ada', user: { age: 36 } }], 0)).toBe("'ada' is 36");
    expect(formatEachTitle('first $0', ['x', 'y'], 0)).toBe("first 'x'");
  });
});

describe('casesFromTemplate', () => {
  it('turns a template table into one object per row, keyed by the header', () => {
    const strings = ['\n    a | b | sum\n    ', ' | ', ' | ', '\n    ', ' | ', ' | ', '\n  '];
    expect(casesFromTemplate(strings, [1, 2, 3, 4, 5, 9])).toEqual([
      { a: 1, b: 2, sum: 3 },
      { a: 4, b: 5, sum: 9 },
    ]);
  });
});
