export interface InterpolateOptions {
  /** A placeholder whose value is undefined or null: throw (default), keep "{{name}}" as is, or use "". */
  missing?: 'throw' | 'keep' | 'empty';
  /** Applied to every substituted value, e.g. escapeHtml when the output is HTML. */
  escape?: (value: string) => string;
}

// "{{ name }}" or "{{user.name}}" or "{{items.0}}"; a preceding backslash makes it literal: "\{{name}}".
const PLACEHOLDER = /(\\?)\{\{\s*([\w$]+(?:\.[\w$]+)*)\s*\}\}/g;

function lookup(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path.split('.')) {
    // Own properties only: "{{constructor}}" or "{{__proto__}}" must not reach Object.prototype.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * interpolate("Hi {{user.name}}, you have {{count}} new messages", { user: { name: "Ada" }, count: 3 })
 * → "Hi Ada, you have 3 new messages". Values must be strings, numbers, bigints or booleans; objects and arrays
 * throw rather than print "[object Object]". Substituted text is not scanned again for placeholders.
 */
export function interpolate(template: string, values: Record<string, unknown>, options: InterpolateOptions = {}): string {
  const { missing = 'throw', escape = (value: string) => value } = options;
  return template.replace(PLACEHOLDER, (match, backslash: string, path: string) => {
    if (backslash) return match.slice(1);
    const value = lookup(values, path);
    if (value === undefined || value === null) {
      if (missing === 'throw') throw new Error(`Missing value for {{${path}}}`);
      return missing === 'keep' ? match : '';
    }
    if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) {
      throw new TypeError(`Value for {{${path}}} is ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not text`);
    }
    return escape(String(value));
  });
}

/** The placeholder paths a template uses, e.g. to check translations or to validate inputs up front. */
export function placeholders(template: string): string[] {
  const paths = [...template.matchAll(PLACEHOLDER)].filter((match) => !match[1]).map((match) => match[2] ?? '');
  return [...new Set(paths)];
}
