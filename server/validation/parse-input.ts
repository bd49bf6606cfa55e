import type { z } from 'zod';
import { ValidationError, type FieldProblem } from '../errors/validation-error.ts';

/**
 * Parses untrusted input with a Zod schema, or throws a ValidationError listing each field and its problem.
 * Every parsed string is also checked for NUL characters, which Postgres text cannot hold: one check here
 * covers every field of every schema, so no request with one ever reaches the database.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what = 'request',
): z.infer<Schema> {
  const result = schema.safeParse(input);
  const problems: FieldProblem[] = result.success
    ? fieldsWithNulCharacter(result.data).map((path) => ({
        field: path.join('.') || what,
        message: 'must not contain a NUL character (U+0000)',
      }))
    : result.error.issues.map((issue) => ({ field: issue.path.join('.') || what, message: issue.message }));
  if (result.success && problems.length === 0) return result.data;
  const first = problems[0]!;
  throw new ValidationError(
    `Invalid ${what}: ${first.field === what ? '' : `${first.field} `}${first.message}`,
    problems,
  );
}

/**
 * The paths of the strings holding U+0000 in a parsed value. Walked without recursion and without copying
 * paths (each entry points at its parent), since input may nest deeply.
 */
function fieldsWithNulCharacter(value: unknown): (string | number)[][] {
  interface Entry {
    value: unknown;
    key: string | number | undefined;
    parent: Entry | undefined;
  }
  const pathOf = (entry: Entry) => {
    const path: (string | number)[] = [];
    for (let step: Entry | undefined = entry; step?.key !== undefined; step = step.parent) path.push(step.key);
    return path.reverse();
  };
  const found: (string | number)[][] = [];
  const pending: Entry[] = [{ value, key: undefined, parent: undefined }];
  for (let index = 0; index < pending.length; index += 1) {
    const entry = pending[index]!;
    if (typeof entry.value === 'string') {
      if (entry.value.includes('\u0000')) found.push(pathOf(entry));
    } else if (Array.isArray(entry.value)) {
      for (const [key, item] of entry.value.entries()) pending.push({ value: item, key, parent: entry });
    } else if (isPlainObject(entry.value)) {
      for (const [key, item] of Object.entries(entry.value)) pending.push({ value: item, key, parent: entry });
    }
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
