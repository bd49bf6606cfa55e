import { describe, expect, it } from 'vitest';
import { arrayAt, itemsOf, load, ShapeError, type Loadable } from './pattern.ts';

describe('itemsOf', () => {
  it('is an empty list while loading and after a failure, so mapping never throws', () => {
    const loading: Loadable<string[]> = { state: 'loading' };
    const failed: Loadable<string[]> = { state: 'failed', error: new Error('offline') };
    expect(itemsOf<string>(loading).map((item) => item.toUpperCase())).toEqual([]);
    expect(itemsOf(failed)).toEqual([]);
    expect(itemsOf({ state: 'ready', value: ['a', 'b'] }).map((item) => item.toUpperCase())).toEqual(['A', 'B']);
  });
});

describe('load', () => {
  it('turns a result into ready and a rejection into failed', async () => {
    await expect(load(async () => [1, 2])).resolves.toEqual({ state: 'ready', value: [1, 2] });
    const failed = await load(async () => {
      throw new Error('HTTP 500');
    });
    expect(failed).toMatchObject({ state: 'failed', error: { message: 'HTTP 500' } });
  });

  it('wraps a rejection that is not an Error', async () => {
    const failed = await load(() => Promise.reject('nope'));
    expect(failed.state === 'failed' && failed.error).toBeInstanceOf(Error);
  });
});

describe('arrayAt', () => {
  it('returns the array at a dotted path', () => {
    expect(arrayAt({ data: { items: [1, 2] } }, 'data.items')).toEqual([1, 2]);
    expect(arrayAt({ items: [] }, 'items')).toEqual([]);
  });

  it('names the missing step and the keys that were there', () => {
    expect(() => arrayAt({ data: { results: [1] } }, 'data.items')).toThrow('expected an array at data.items, but data has no "items" (its keys: results)');
    expect(() => arrayAt({}, 'items')).toThrow('(payload) has no "items" (its keys: none)');
  });

  it('fails on null and non-objects along the way, and on a value that is not an array', () => {
    expect(() => arrayAt({ data: null }, 'data.items')).toThrow('data is null');
    expect(() => arrayAt(undefined, 'items')).toThrow('(payload) is undefined');
    expect(() => arrayAt({ items: { 0: 'a' } }, 'items')).toThrow('items is an object');
    expect(() => arrayAt({ items: 'a,b' }, 'items')).toThrow(ShapeError);
  });

  it('does not read inherited properties', () => {
    expect(() => arrayAt({}, 'constructor')).toThrow(ShapeError);
  });
});
