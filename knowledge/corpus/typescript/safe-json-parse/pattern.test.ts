import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonOr, safeJsonParse } from './pattern.ts';

describe('safeJsonParse', () => {
  it('returns the parsed value', () => {
    expect(safeJsonParse('{"a":[1,2,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
    expect(safeJsonParse('null')).toEqual({ ok: true, value: null });
  });

  it('returns the SyntaxError instead of throwing', () => {
    for (const text of ['', '{"a":', "{'a':1}", '<!DOCTYPE html>', '[1,]']) {
      const result = safeJsonParse(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBeInstanceOf(SyntaxError);
    }
  });

  it('accepts text with a UTF-8 byte-order mark', () => {
    expect(safeJsonParse('\uFEFF{"ok":true}')).toEqual({ ok: true, value: { ok: true } });
  });

  it('drops __proto__ keys so merging the value cannot pollute prototypes', () => {
    const result = safeJsonParse('{"__proto__":{"polluted":true},"nested":{"__proto__":{"x":1},"keep":1}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const merged = Object.assign({}, result.value) as Record<string, unknown>;
    expect(merged.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.value).toEqual({ nested: { keep: 1 } });
  });

  it('validates and types the value with a schema', () => {
    const schema = z.object({ id: z.number(), tags: z.array(z.string()) });
    const good = safeJsonParse('{"id":1,"tags":["a"]}', schema);
    expect(good).toEqual({ ok: true, value: { id: 1, tags: ['a'] } });
    if (good.ok) expect(good.value.tags[0]).toBe('a');
    const bad = safeJsonParse('{"id":"1","tags":[]}', schema);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toBeInstanceOf(z.ZodError);
  });
});

describe('parseJsonOr', () => {
  it('falls back on missing, invalid or mismatching input', () => {
    expect(parseJsonOr(null, { theme: 'light' })).toEqual({ theme: 'light' });
    expect(parseJsonOr('{oops', { theme: 'light' })).toEqual({ theme: 'light' });
    const schema = z.object({ theme: z.enum(['light', 'dark']) });
    expect(parseJsonOr('{"theme":"pink"}', { theme: 'light' }, schema)).toEqual({ theme: 'light' });
    expect(parseJsonOr('{"theme":"dark"}', { theme: 'light' }, schema)).toEqual({ theme: 'dark' });
  });
});
