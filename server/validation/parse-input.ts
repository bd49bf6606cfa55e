import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error.ts';

/** Parses untrusted input with a Zod schema, or throws a ValidationError listing each field and its problem. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what = 'request',
): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || what,
    message: issue.message,
  }));
  const first = problems[0]!;
  throw new ValidationError(
    `Invalid ${what}: ${first.field === what ? '' : `${first.field} `}${first.message}`,
    problems,
  );
}
