import { describe, expect, it } from 'vitest';
import { buildQuery, parseQuery, queryValues } from './pattern.ts';

describe('parseQuery', () => {
  it('decodes values and collects repeated keys into arrays', () => {
    expect(parseQuery('?q=hello+world&tag=a&tag=b&tag=c&empty=&flag')).toEqual({
      q: 'hello world',
      tag: ['a', 'b', 'c'],
      empty: '',
      flag: '',
    });
  });

  it('decodes percent-escapes, including UTF-8 and an encoded plus', () => {
    expect(parseQuery('name=Jos%C3%A9&math=1%2B1%3D2&amp=a%26b')).toEqual({ name: 'José', math: '1+1=2', amp: 'a&b' });
  });

  it('keeps malformed escapes instead of throwing', () => {
    expect(() => decodeURIComponent('%E0%A4%A')).toThrow(URIError);
    expect(parseQuery('bad=%E0%A4%A&pct=100%')).toEqual({ bad: '\uFFFD%A', pct: '100%' });
  });

  it('reads the query of a URL object', () => {
    expect(parseQuery(new URL('https://example.com/search?page=2#results'))).toEqual({ page: '2' });
  });

  it('treats __proto__ and constructor as ordinary keys', () => {
    const query = parseQuery('__proto__=x&constructor=y');
    expect(query['__proto__']).toBe('x');
    expect(query['constructor']).toBe('y');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    expect(parseQuery('a=1')['toString']).toBeUndefined();
  });

  it('returns an empty object for an empty query', () => {
    expect(parseQuery('')).toEqual({});
    expect(parseQuery('?')).toEqual({});
  });
});

describe('queryValues', () => {
  it('always returns an array', () => {
    const query = parseQuery('one=1&many=a&many=b');
    expect(queryValues(query, 'one')).toEqual(['1']);
    expect(queryValues(query, 'many')).toEqual(['a', 'b']);
    expect(queryValues(query, 'none')).toEqual([]);
  });
});

describe('buildQuery', () => {
  it('encodes values, repeats arrays and skips null/undefined', () => {
    expect(buildQuery({ q: 'a b&c', tag: ['x', 'y'], page: 2, draft: undefined, deleted: null, zero: 0, none: '', on: true })).toBe(
      'q=a+b%26c&tag=x&tag=y&page=2&zero=0&none=&on=true',
    );
  });

  it('round-trips through parseQuery', () => {
    const values = { q: 'café & crème', tags: ['a=b', '?c'] };
    expect(parseQuery(buildQuery(values))).toEqual({ q: 'café & crème', tags: ['a=b', '?c'] });
  });
});
