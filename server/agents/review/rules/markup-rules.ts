import type { TextRule } from '../review-rule.ts';
import { codeMatches } from './text-helpers.ts';

/** Svelte's `{@html value}` with a value that is not sanitised. */
export const svelteRawHtmlRule: TextRule = {
  id: 'svelte-raw-html',
  languages: ['svelte'],
  category: 'security',
  severity: 'error',
  message: 'Cross-site scripting: `{@html …}` renders the value as HTML, so markup in it runs in the page.',
  suggestion: 'Render text with `{value}`; if it must be HTML, sanitise it first: `{@html DOMPurify.sanitize(value)}`.',
  patternQuery: 'escape html to prevent cross-site scripting',
  check: (source) =>
    [...codeMatches(source, /\{@html\s+([^}]*)\}/)]
      .filter((match) => !/^\s*(['"`][^'"`{$]*['"`]|[\w.]*(saniti[sz]e|escape|purify)\w*\s*\()/i.test(match[1]!))
      .map((match) => ({ line: source.lineOf(match.index) })),
};
