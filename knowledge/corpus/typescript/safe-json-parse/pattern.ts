import type { z } from 'zod';

export type JsonResult<T> = { ok: true; value: T } | { ok: false; error: Error };

// JSON.parse creates an own "__proto__" property; Object.assign or a naive deep merge would then set the prototype.
const dropProtoKeys = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value);

/**
 * Parses JSON without throwing. Without a schema the value is `unknown`: narrow it before use. With a zod schema
 * the value is validated and typed, and a mismatch is returned as the ZodError.
 */
export function safeJsonParse(text: string): JsonResult<unknown>;
export function safeJsonParse<T>(text: string, schema: z.ZodType<T>): JsonResult<T>;
export function safeJsonParse(text: string, schema?: z.ZodType): JsonResult<unknown> {
  let value: unknown;
  try {
    // Files saved with a UTF-8 byte-order mark start with U+FEFF, which JSON.parse rejects.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, dropProtoKeys);
  } catch (error) {
    return { ok: false, error: error as SyntaxError };
  }
  if (!schema) return { ok: true, value };
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error };
}

/** The parsed value, or `fallback` when the text is not valid JSON (or does not match the schema). */
export function parseJsonOr<T>(text: string | null | undefined, fallback: T, schema?: z.ZodType<T>): T {
  if (text == null) return fallback;
  const result = schema ? safeJsonParse(text, schema) : (safeJsonParse(text) as JsonResult<T>);
  return result.ok ? result.value : fallback;
}
