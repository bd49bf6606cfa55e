const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Flattens nested objects and arrays into one level of path keys:
 * { a: { b: 1 }, list: [x] } -> { 'a.b': 1, 'list.0': x }.
 * Dates and other class instances are kept as values. Empty objects and arrays
 * are kept as values so unflatten can restore them. Keys that already contain the
 * separator make paths ambiguous: pick a separator that cannot appear in keys.
 */
export function flattenObject(value: Record<string, unknown>, separator = '.'): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  const walk = (current: unknown, path: string): void => {
    const entries = Array.isArray(current) ? [...current.entries()] : isPlainObject(current) ? Object.entries(current) : undefined;
    if (entries === undefined || (entries.length === 0 && path !== '')) {
      flat[path] = current;
      return;
    }
    for (const [key, child] of entries) walk(child, path === '' ? String(key) : `${path}${separator}${key}`);
  };
  walk(value, '');
  return flat;
}

/**
 * Rebuilds nesting from path keys. A segment made only of digits creates an array.
 * Segments named __proto__, constructor or prototype are rejected, so untrusted
 * input (query strings, form fields) cannot pollute prototypes.
 */
export function unflattenObject(flat: Record<string, unknown>, separator = '.'): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const segments = path.split(separator);
    if (segments.some((segment) => segment === '__proto__' || segment === 'constructor' || segment === 'prototype')) {
      throw new Error(`Refusing unsafe key path "${path}"`);
    }
    let node: Record<string, unknown> = root;
    segments.forEach((segment, i) => {
      const next = segments[i + 1];
      if (next === undefined) {
        node[segment] = value;
        return;
      }
      if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = /^\d+$/.test(next) ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
  }
  return root;
}
