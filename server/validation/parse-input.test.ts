import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from './parse-input.ts';

const schema = z.object({
  title: z.string(),
  tags: z.array(z.string()).default([]),
  meta: z.record(z.string(), z.unknown()).optional(),
});

function problemsOf(input: unknown) {
  try {
    parseInput(schema, input, 'note');
  } catch (error) {
    if (error instanceof ValidationError) return { message: error.message, details: error.details };
    throw error;
  }
  return undefined;
}

describe('parseInput', () => {
  it('refuses a NUL character in any string of the parsed value, naming each field', () => {
    expect(problemsOf({ title: 'a\u0000b', tags: ['ok', '\u0000'], meta: { nested: [{ deep: 'x\u0000' }] } })).toEqual({
      message: 'Invalid note: title must not contain a NUL character (U+0000)',
      details: [
        { field: 'title', message: 'must not contain a NUL character (U+0000)' },
        { field: 'tags.1', message: 'must not contain a NUL character (U+0000)' },
        { field: 'meta.nested.0.deep', message: 'must not contain a NUL character (U+0000)' },
      ],
    });
    expect(problemsOf({ title: 'fine', tags: ['also fine'] })).toBeUndefined();
  });

  it('names the whole input when the input itself is a string with a NUL character', () => {
    expect(() => parseInput(z.string(), '\u0000', 'query')).toThrow('Invalid query: must not contain a NUL character');
  });

  it('walks deeply nested input without overflowing the stack', () => {
    let nested: unknown = 'bottom\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) nested = [nested];
    expect(() => parseInput(z.unknown(), nested)).toThrow(ValidationError);
  });
});
