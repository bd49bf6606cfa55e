import type { Context } from 'hono';
import { ValidationError } from '../errors/validation-error.ts';

/** The request's JSON body; a clear 400 when it is missing or not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw new ValidationError('The request needs a JSON body.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}
