const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values ("…" or '…'). Not sufficient for unquoted
 * attributes, URLs (use safeHref), inline <script>/<style>, or on* event handler attributes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Markup that is already safe; html`` leaves it as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (that you wrote or sanitized) so html`` does not escape it. Never pass user input. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Tagged template that escapes every interpolated value: html`<p>${userText}</p>`. Nested html`` results and
 * trustedHtml() pass through unescaped, arrays are concatenated, and null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * A URL that is safe to put in href/src: http(s), mailto and relative URLs pass (still escape them); anything else,
 * like "javascript:alert(1)" or "data:text/html,…", becomes "about:blank". The URL parser strips the tabs,
 * newlines and leading spaces that browsers ignore, so "java\tscript:" is caught too.
 */
export function safeHref(url: string): string {
  try {
    return SAFE_PROTOCOLS.has(new URL(url, 'https://relative.invalid/').protocol) ? url : 'about:blank';
  } catch {
    return 'about:blank';
  }
}
