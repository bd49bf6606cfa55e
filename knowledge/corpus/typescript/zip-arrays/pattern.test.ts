import { describe, it, expect, expectTypeOf } from 'vitest';
import { unzip, zip, zipLongest, zipObject, zipStrict } from './pattern.ts';

describe('zip', () => {
  it('pairs items by position with tuple types', () => {
    const rows = zip([1, 2, 3], ['a', 'b', 'c'], [true, false, true]);
    expect(rows).toEqual([[1, 'a', true], [2, 'b', false], [3, 'c', true]]);
    expectTypeOf(rows).toEqualTypeOf<[number, string, boolean][]>();
  });

  it('stops at the shortest array', () => {
    expect(zip([1, 2, 3], ['a'])).toEqual([[1, 'a']]);
    expect(zip([1, 2], [])).toEqual([]);
    expect(zip()).toEqual([]);
  });

  it('keeps undefined items that are really in the arrays', () => {
    expect(zip([undefined, 1], ['a', 'b'])).toEqual([[undefined, 'a'], [1, 'b']]);
  });
});

describe('zipLongest', () => {
  it('fills missing positions with undefined', () => {
    const rows = zipLongest([1, 2, 3], ['a']);
    expect(rows).toEqual([[1, 'a'], [2, undefined], [3, undefined]]);
    expectTypeOf(rows).toEqualTypeOf<[number | undefined, string | undefined][]>();
    expect(zipLongest()).toEqual([]);
  });
});

describe('zipStrict', () => {
  it('zips equal lengths and throws on a mismatch', () => {
    expect(zipStrict(['x'], [1])).toEqual([['x', 1]]);
    expect(() => zipStrict([1, 2], ['a'])).toThrow('different lengths (2, 1)');
  });
});

describe('zipObject', () => {
  it('builds an object from keys and values', () => {
    expect(zipObject(['id', 'name'], [7, 'ann'])).toEqual({ id: 7, name: 'ann' });
    expect(zipObject(['a', 'b'], [1])).toEqual({ a: 1 });
  });
});

describe('unzip', () => {
  it('turns rows back into columns', () => {
    const rows: Array<[number, string]> = [[1, 'a'], [2, 'b']];
    const [numbers, letters] = unzip(rows);
    expect(numbers).toEqual([1, 2]);
    expect(letters).toEqual(['a', 'b']);
    expect(unzip(zip([1, 2], ['x', 'y']))).toEqual([[1, 2], ['x', 'y']]);
  });

  it('needs an explicit width for empty input', () => {
    expect(unzip([])).toEqual([]);
    expect(unzip<[number, string]>([], 2)).toEqual([[], []]);
  });
});
