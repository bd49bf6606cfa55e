import { KilnError } from '../errors/kiln-error.ts';

/** The user-safe `{ code, message, details? }` of an error, for socket replies (the HTTP edge has its own). */
export function describeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (error instanceof KilnError) return { code: error.code, message: error.message, details: error.details };
  return { code: 'internal_error', message: 'Something went wrong on the server; the server log has the details.' };
}
