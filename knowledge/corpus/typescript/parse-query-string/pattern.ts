export type Query = Record<string, string | string[]>;

/**
 * "?tag=a&tag=b&q=hello+world" → { tag: ["a", "b"], q: "hello world" }. Takes a query string (leading "?"
 * optional), a URL or URLSearchParams. Repeated keys become arrays in order; "+" means space. Malformed escapes never
 * throw URIError as decodeURIComponent does: a stray "%" stays as is and invalid UTF-8 becomes U+FFFD.
 */
export function parseQuery(input: string | URL | URLSearchParams): Query {
  const params = input instanceof URL ? input.searchParams : new URLSearchParams(input);
  // No prototype: "?__proto__=x&constructor=y" are plain keys, and lookups never hit Object.prototype.
  const query: Query = Object.create(null);
  for (const [key, value] of params) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

/** All values of a key, whether it appeared zero, one or many times. */
export function queryValues(query: Query, key: string): string[] {
  const value = query[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

type QueryValue = string | number | boolean | null | undefined;

/**
 * { q: "a b", tag: ["x", "y"], page: 2, draft: undefined } → "q=a+b&tag=x&tag=y&page=2". Skips null and undefined
 * (but keeps "" and 0); arrays repeat the key. Returns no leading "?".
 */
export function buildQuery(values: Record<string, QueryValue | readonly QueryValue[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) params.append(key, String(item));
    }
  }
  return params.toString();
}
