import { describe, expect, it } from 'vitest';
import { ordinal, pluralize, type PluralForms } from './pattern.ts';

const files: PluralForms = { '=0': 'No files', one: '{count} file', other: '{count} files' };

describe('pluralize', () => {
  it('picks English singular and plural, with an exact match for zero', () => {
    expect(pluralize(0, files)).toBe('No files');
    expect(pluralize(1, files)).toBe('1 file');
    expect(pluralize(2, files)).toBe('2 files');
    expect(pluralize(1234, files)).toBe('1,234 files');
  });

  it('formats the number for the locale', () => {
    expect(pluralize(1234, { one: '{count} Datei', other: '{count} Dateien' }, 'de')).toBe('1.234 Dateien');
  });

  it('uses the plural form for decimals shown as decimals', () => {
    expect(pluralize(1, files, 'en', { minimumFractionDigits: 1 })).toBe('1.0 files');
    expect(pluralize(1.5, files)).toBe('1.5 files');
  });

  it('handles languages with more than two forms', () => {
    const ru: PluralForms = { one: '{count} файл', few: '{count} файла', many: '{count} файлов', other: '{count} файла' };
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => pluralize(n, ru, 'ru'))).toEqual([
      '1 файл', '2 файла', '5 файлов', '11 файлов', '21 файл', '22 файла', '25 файлов', '111 файлов',
    ]);
    const ar: PluralForms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralize(n, ar, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it('falls back to "other" when a category is missing', () => {
    expect(pluralize(3, { other: '{count} item(s)' }, 'ru')).toBe('3 item(s)');
  });
});

describe('ordinal', () => {
  it('adds English ordinal suffixes, including the teens', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1003].map((n) => ordinal(n))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th', '1,003rd',
    ]);
  });

  it('accepts suffixes for other languages', () => {
    expect(ordinal(1, 'fr', { one: 'er', other: 'e' })).toBe('1er');
    expect(ordinal(2, 'fr', { one: 'er', other: 'e' })).toBe('2e');
  });
});
