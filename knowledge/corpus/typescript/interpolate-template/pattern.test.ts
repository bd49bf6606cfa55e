import { describe, expect, it } from 'vitest';
import { interpolate, placeholders } from './pattern.ts';

describe('interpolate', () => {
  it('replaces simple and nested placeholders, with optional spaces', () => {
    const values = { user: { name: 'Ada', address: { city: 'London' } }, count: 3, items: ['first'] };
    expect(interpolate('Hi {{user.name}} from {{ user.address.city }}: {{count}} new, {{items.0}}', values)).toBe('Hi Ada from London: 3 new, first');
  });

  it('prints falsy values that are real values', () => {
    expect(interpolate('{{a}}|{{b}}|{{c}}', { a: 0, b: false, c: '' })).toBe('0|false|');
  });

  it('throws, keeps or blanks missing values', () => {
    expect(() => interpolate('Hi {{name}}', {})).toThrow('Missing value for {{name}}');
    expect(() => interpolate('Hi {{user.name}}', { user: null })).toThrow(/user\.name/);
    expect(interpolate('Hi {{name}}!', {}, { missing: 'keep' })).toBe('Hi {{name}}!');
    expect(interpolate('Hi {{name}}!', { name: null }, { missing: 'empty' })).toBe('Hi !');
  });

  it('does not read inherited properties', () => {
    expect(() => interpolate('{{constructor}}', {})).toThrow(/Missing/);
    expect(() => interpolate('{{__proto__}}', {})).toThrow(/Missing/);
    expect(() => interpolate('{{name.length}}', { name: 'Ada' })).toThrow(/Missing/);
  });

  it('refuses objects instead of printing [object Object]', () => {
    expect(() => interpolate('{{user}}', { user: { name: 'Ada' } })).toThrow(TypeError);
    expect(() => interpolate('{{tags}}', { tags: ['a'] })).toThrow(/an array/);
  });

  it('escapes substituted values but not the template', () => {
    const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    expect(interpolate('<b>{{name}}</b>', { name: '<i>A&B</i>' }, { escape: escapeHtml })).toBe('<b>&lt;i>A&amp;B&lt;/i></b>');
  });

  it('does not re-expand placeholders inside values, and supports escaped braces', () => {
    expect(interpolate('{{a}}', { a: '{{b}}', b: 'no' })).toBe('{{b}}');
    expect(interpolate('Use \\{{name}} for {{name}}', { name: 'Ada' })).toBe('Use {{name}} for Ada');
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(interpolate('{ {a} } {{}} {{a b}} {{ a.}}', { a: 1 })).toBe('{ {a} } {{}} {{a b}} {{ a.}}');
  });
});

describe('placeholders', () => {
  it('lists unique placeholder paths', () => {
    expect(placeholders('{{a}} {{ b.c }} {{a}} \\{{skip}}')).toEqual(['a', 'b.c']);
  });
});
