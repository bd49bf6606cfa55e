// One word: an acronym before a capitalized word ("XML" in "XMLHttp"), a (capitalized) lowercase run,
// an uppercase run, or a run of digits; trailing digits stay with the word ("base64", "HTTP2").
const WORD = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+\p{N}*|\p{Lu}+\p{N}*|\p{N}+/gu;

/** "XMLHttpRequest" → ["XML", "Http", "Request"]; "user_id", "user-id", "user id", "userId" → ["user", "id"/"Id"]. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

const lower = (word: string) => word.toLowerCase();
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

/** "user_id" → "userId" */
export function toCamelCase(text: string): string {
  return splitWords(text)
    .map((word, index) => (index === 0 ? lower(word) : capitalize(word)))
    .join('');
}

/** "user_id" → "UserId" */
export function toPascalCase(text: string): string {
  return splitWords(text).map(capitalize).join('');
}

/** "userID" → "user_id" */
export function toSnakeCase(text: string): string {
  return splitWords(text).map(lower).join('_');
}

/** "userID" → "user-id" */
export function toKebabCase(text: string): string {
  return splitWords(text).map(lower).join('-');
}

/** "maxRetries" → "MAX_RETRIES" */
export function toConstantCase(text: string): string {
  return splitWords(text).map((word) => word.toUpperCase()).join('_');
}

/** "created_at" → "Created At" (for column headers; not English title-case rules) */
export function toTitleCase(text: string): string {
  return splitWords(text).map(capitalize).join(' ');
}

/** Converts the keys of a plain object (not nested), e.g. a database row to a JSON response. */
export function convertKeys<T>(record: Record<string, T>, convert: (key: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [convert(key), value]));
}
