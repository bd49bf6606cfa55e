import { describe, expect, it } from 'vitest';
import { parseToolArguments } from './parse-tool-arguments.ts';

describe('parseToolArguments', () => {
  it('parses JSON arguments', () => {
    expect(parseToolArguments('{"path":"src/a.ts","lines":[1,2]}')).toEqual({ path: 'src/a.ts', lines: [1, 2] });
  });

  it('gives {} for a call sent without arguments', () => {
    expect(parseToolArguments('')).toEqual({});
    expect(parseToolArguments('  ')).toEqual({});
  });

  it('keeps text that is not JSON as it is, without throwing', () => {
    expect(parseToolArguments('{"path": "src/a.ts"')).toBe('{"path": "src/a.ts"');
  });
});
