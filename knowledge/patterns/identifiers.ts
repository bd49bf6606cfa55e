/**
 * The words inside code identifiers, for search: `parseHttpResponse` and
 * `parse_http_response` both give "parse http response". Keywords and very
 * short tokens are dropped; each word appears once.
 */
const keywords = new Set(
  'const let var function return if else for while do switch case break continue new this class extends import export from default async await try catch finally throw typeof instanceof in of void null undefined true false def self none pass lambda elif yield with as is not and or select from where insert update delete create table into values begin end then local echo fi esac done'.split(
    ' ',
  ),
);

export function splitIdentifiers(code: string): string[] {
  const words = new Set<string>();
  for (const token of code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
    for (const part of splitIdentifier(token)) {
      if (part.length > 1 && !keywords.has(part)) words.add(part);
    }
  }
  return [...words];
}

/** `getHTTPResponse_v2` → ['get', 'http', 'response', 'v2']. */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
}
