import { describe, it, expect } from 'vitest';
import { flattenObject, unflattenObject } from './pattern.ts';

describe('flattenObject', () => {
  it('turns nesting into dotted paths, with array indexes', () => {
    expect(flattenObject({ a: { b: 1, c: { d: 'x' } }, list: [10, { id: 2 }], top: true })).toEqual({
      'a.b': 1,
      'a.c.d': 'x',
      'list.0': 10,
      'list.1.id': 2,
      top: true,
    });
  });

  it('keeps Dates, nulls and empty containers as leaf values', () => {
    const when = new Date(0);
    expect(flattenObject({ when, none: null, empty: {}, list: [], nested: { gone: undefined } })).toEqual({
      when,
      none: null,
      empty: {},
      list: [],
      'nested.gone': undefined,
    });
    expect(flattenObject({})).toEqual({});
  });

  it('uses a custom separator', () => {
    expect(flattenObject({ a: { b: 1 } }, '__')).toEqual({ a__b: 1 });
  });
});

describe('unflattenObject', () => {
  it('restores what flattenObject produced', () => {
    const original = { a: { b: 1, c: { d: 'x' } }, list: [10, { id: 2 }], empty: {}, tags: [] };
    expect(unflattenObject(flattenObject(original))).toEqual(original);
    expect(unflattenObject(flattenObject(original, '/'), '/')).toEqual(original);
  });

  it('builds arrays for numeric segments', () => {
    const result = unflattenObject({ 'rows.0.name': 'a', 'rows.1.name': 'b' });
    expect(Array.isArray(result.rows)).toBe(true);
    expect(result).toEqual({ rows: [{ name: 'a' }, { name: 'b' }] });
  });

  it('rejects prototype-polluting paths', () => {
    expect(() => unflattenObject({ '__proto__.polluted': true })).toThrow(/unsafe/);
    expect(() => unflattenObject({ 'constructor.prototype.polluted': true })).toThrow(/unsafe/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
