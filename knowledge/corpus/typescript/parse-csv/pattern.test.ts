import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './pattern.ts';

describe('parseCsv', () => {
  it('splits simple rows and keeps empty fields', () => {
    expect(parseCsv('a,b,c\n1,,3\n,,\n')).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['', '', '']]);
  });

  it('handles quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const text = 'name,quote\n"Smith, Jane","She said ""hi""\nthen left"\n';
    expect(parseCsv(text)).toEqual([['name', 'quote'], ['Smith, Jane', 'She said "hi"\nthen left']]);
  });

  it('accepts CRLF and CR line endings, a BOM, and no trailing newline', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('skips blank lines but keeps a row with one empty quoted field', () => {
    expect(parseCsv('a\n\n\nb\n""\n')).toEqual([['a'], ['b'], ['']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('supports other delimiters', () => {
    expect(parseCsv('a;"b;c"\n1,5;2', { delimiter: ';' })).toEqual([['a', 'b;c'], ['1,5', '2']]);
    expect(parseCsv('a\tb', { delimiter: '\t' })).toEqual([['a', 'b']]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(/delimiter/);
  });

  it('throws on an unterminated quote', () => {
    expect(() => parseCsv('a,"b\nc')).toThrow(/Unterminated/);
  });
});

describe('parseCsvRecords', () => {
  it('maps rows to objects by header', () => {
    expect(parseCsvRecords('id,name\n1,"Ada"\n2,Grace\n')).toEqual([
      { id: '1', name: 'Ada' },
      { id: '2', name: 'Grace' },
    ]);
    expect(parseCsvRecords('')).toEqual([]);
  });

  it('rejects ragged records and duplicate columns', () => {
    expect(() => parseCsvRecords('id,name\n1\n')).toThrow(/record 1 has 1 fields, expected 2/);
    expect(() => parseCsvRecords('id,id\n1,2\n')).toThrow(/Duplicate/);
  });
});
