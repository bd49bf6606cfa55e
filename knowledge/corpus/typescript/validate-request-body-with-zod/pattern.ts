import { z } from 'zod';

/** Example schema: strictObject answers 400 for unknown keys instead of silently dropping them. */
export const createUserBody = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(100),
  age: z.number().int().min(13).optional(),
  roles: z.array(z.enum(['admin', 'editor', 'viewer'])).default(['viewer']),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export interface FieldError {
  /** Dotted path to the bad field ("roles.1"); "" for the body itself. */
  path: string;
  message: string;
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; status: 400 | 415; errors: FieldError[] };

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Validates an already-parsed body (e.g. from express.json()). Never throws on bad input; reports every problem at once. */
export function validateBody<S extends z.ZodType>(schema: S, body: unknown): BodyResult<z.output<S>> {
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, status: 400, errors: toFieldErrors(result.error) };
}

/** Reads and validates the JSON body of a fetch-style Request (Hono, Next.js route handlers, Node's global Request). */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<BodyResult<z.output<S>>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    return { ok: false, status: 415, errors: [{ path: '', message: 'Content-Type must be application/json' }] };
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, status: 400, errors: [{ path: '', message: 'Body is not valid JSON' }] };
  }
  return validateBody(schema, body);
}
