import type { RuleHit, TextRule } from '../review-rule.ts';
import { codeMatches } from './text-helpers.ts';

/** `rm -rf $DIR/…` with the variable unquoted: empty or with spaces, it deletes the wrong files. */
export const shellUnquotedRmRule: TextRule = {
  id: 'shell-unquoted-rm',
  languages: ['shell'],
  category: 'correctness',
  severity: 'error',
  message:
    '`rm -rf` with an unquoted variable: if it is empty the path becomes `/…`, and spaces split it into several paths.',
  suggestion:
    'Quote it and fail on empty: `rm -rf -- "${DIR:?}/build"` (and start the script with `set -euo pipefail`).',
  patternQuery: 'bash strict mode script',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(source, /\brm\s+(?:-[a-zA-Z]*\s+)*-[a-zA-Z]*[rR][a-zA-Z]*\b[^;&|\n]*/)) {
      // Drop quoted words; a `$` left over is an unquoted expansion.
      const unquoted = match[0].replace(/"(?:\\.|[^"\\])*"|'[^']*'/g, '""');
      const variable = /\$\{?(\w+)/.exec(unquoted);
      if (variable)
        hits.push({
          line: source.lineOf(match.index),
          message: `\`rm -rf\` with \`$${variable[1]}\` unquoted: if it is empty the path becomes \`/…\`, and spaces split it into several paths.`,
        });
    }
    return hits;
  },
};

/** `curl … | sh`: runs whatever the server (or anyone in between) sends, unread and unverified. */
export const shellCurlPipeRule: TextRule = {
  id: 'shell-curl-pipe-shell',
  languages: ['shell'],
  category: 'security',
  severity: 'warning',
  message:
    'A downloaded script is piped straight into a shell: it runs unread and unverified, and a cut-off download runs half a script.',
  suggestion: 'Download to a file, verify its checksum or signature (`sha256sum -c`), read it, then run it.',
  check: (source) =>
    [...codeMatches(source, /\b(curl|wget)\b[^|\n]*\|\s*(sudo\s+(-\S+\s+)*)?(ba|z|da|k)?sh\b/)].map((match) => ({
      line: source.lineOf(match.index),
    })),
};
