export const REDACTED = '[REDACTED]';

/** Keys whose values are never logged. Over-matching (e.g. `sessionCount`) is the safe failure. */
const SENSITIVE_KEY =
  /pass(word|wd|phrase)?|secret|token|authorization|cookie|session|credential|api[-_]?key|private[-_]?key|signature|^pin$|ssn|card[-_]?number|cvv|iban/i;

/** Secrets that show up inside free text: error messages, URLs, headers copied into strings. */
const SECRET_IN_TEXT: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\b(\w[\w+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/g, `$1:${REDACTED}@`], // postgres://user:pw@host
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, REDACTED], // JWTs
  [/([?&](?:access_token|token|api_key|apikey|key|password|secret|signature|sig)=)[^&\s#]+/gi, `$1${REDACTED}`],
];

export function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/**
 * Returns a copy of `value` that is safe to log: values under sensitive keys are replaced, strings
 * are scrubbed of tokens and URL passwords, Errors become plain objects, cycles become "[Circular]".
 * The input is not modified. With pino, also set `redact.paths` for the fields you know about.
 */
export function redact(value: unknown, isSensitiveKey: (key: string) => boolean = (key) => SENSITIVE_KEY.test(key)): unknown {
  const ancestors = new Set<object>();
  const walk = (current: unknown, depth: number): unknown => {
    if (typeof current === 'string') return redactText(current);
    if (typeof current !== 'object' || current === null || current instanceof Date) return current;
    if (ancestors.has(current)) return '[Circular]';
    if (depth >= 10) return '[Truncated]';
    ancestors.add(current);
    try {
      if (Array.isArray(current)) return current.map((item) => walk(item, depth + 1));
      const source: Record<string, unknown> =
        current instanceof Error ? { ...current, name: current.name, message: current.message, stack: current.stack } : { ...current };
      // fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
      return Object.fromEntries(
        Object.entries(source).map(([key, item]) => [key, isSensitiveKey(key) && item != null ? REDACTED : walk(item, depth + 1)]),
      );
    } finally {
      ancestors.delete(current);
    }
  };
  return walk(value, 0);
}
