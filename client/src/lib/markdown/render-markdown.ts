import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character]!);

const marked = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in the model's Markdown is shown as text, never parsed: only Markdown makes markup.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
  },
});

// Links open in a new tab without handing it this page.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
});

const allowedTags = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

/**
 * Model output (untrusted) as safe HTML: Markdown rendered with raw HTML
 * escaped, then sanitised with an allow-list (no scripts, styles, event
 * handlers, images or `javascript:` links). Everything the model writes goes
 * through here before it reaches the DOM.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'title', 'class', 'start', 'align'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}
