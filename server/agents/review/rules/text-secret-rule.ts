import type { RuleHit, TextRule } from '../review-rule.ts';
import { isPlaceholder, isSecretName, knownCredentialFormat, secretSuggestion } from './secret-names.ts';
import { isCodeAt } from './text-helpers.ts';

/** `NAME = "value"` (Python, with an optional annotation), `NAME=value` (shell), `"name": "value"` (dicts). */
const assignments = [
  /\b([A-Za-z_]\w*)[ \t]*(?::[ \t]*[\w[\], ]+)?=[ \t]*[rbuRBU]?(["'])([^"'\n]*)\2/g,
  /\b([A-Za-z_]\w*)=()([^\s"'$`;|&()]+)/g,
  /(["'])([A-Za-z_][\w-]*)\1[ \t]*:[ \t]*(["'])([^"'\n]*)\3/g,
];

/** Hard-coded secrets in Python and shell: a literal given to a secret's name, or a well-known credential format. */
export const textSecretRule: TextRule = {
  id: 'hardcoded-secret-text',
  languages: ['python', 'shell'],
  category: 'security',
  severity: 'error',
  message: 'A secret is written in the source: anyone who can read the code (or its history) has it.',
  suggestion: secretSuggestion,
  check(source) {
    const hits: RuleHit[] = [];
    const lines = new Set<number>();
    const add = (offset: number, message: string) => {
      const line = source.lineOf(offset);
      if (!lines.has(line)) hits.push({ line, message });
      lines.add(line);
    };
    for (const credential of source.code.matchAll(new RegExp(knownCredentialFormat.source, 'g'))) {
      add(credential.index, 'A credential (its format is a well-known key or token) is written in the source.');
    }
    for (const [index, pattern] of assignments.entries()) {
      for (const match of source.code.matchAll(pattern)) {
        const [name, value] = index === 2 ? [match[2]!, match[4]!] : [match[1]!, match[3]!];
        // A value that expands something (`$(cat …)`, `${VAR}`, f-string fields) is not written in the source.
        const expands = /[$`{]/.test(value);
        if (isCodeAt(source, match.index) && isSecretName(name) && !isPlaceholder(value) && !expands) {
          add(
            match.index,
            `\`${name}\` is written in the source: anyone who can read the code (or its history) has it.`,
          );
        }
      }
    }
    return hits;
  },
};
