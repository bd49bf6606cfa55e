import type { RuleHit, TextRule } from '../review-rule.ts';
import { codeMatches } from './text-helpers.ts';

/** `UPDATE …`/`DELETE FROM …` statements (split at `;`) with no `WHERE`: they change every row. */
export const sqlMissingWhereRule: TextRule = {
  id: 'sql-missing-where',
  languages: ['sql'],
  category: 'correctness',
  severity: 'warning',
  message: 'This statement has no `WHERE`: it changes every row of the table.',
  suggestion:
    'Add the `WHERE` condition (check it first with a `SELECT count(*)` using the same condition); use `TRUNCATE` if emptying the table is the point.',
  check(source) {
    const hits: RuleHit[] = [];
    let offset = 0;
    for (const statement of source.masked.split(';')) {
      const start = offset + statement.length - statement.trimStart().length;
      offset += statement.length + 1;
      const kind = /^(update\s+[\w."]+\s+(?:as\s+\w+\s+)?set\b|delete\s+from\b)/i.exec(statement.trimStart())?.[1];
      if (kind && !/\bwhere\b/i.test(statement)) {
        hits.push({
          line: source.lineOf(start),
          message: `This \`${kind.split(/\s+/)[0]!.toUpperCase()}\` has no \`WHERE\`: it changes every row of the table.`,
        });
      }
    }
    return hits;
  },
};

/** Dynamic SQL in PL/pgSQL (`EXECUTE '…' || name`) or MySQL (`PREPARE s FROM CONCAT(…)`) that splices values in. */
export const sqlDynamicConcatenationRule: TextRule = {
  id: 'sql-dynamic-concatenation',
  languages: ['sql'],
  category: 'security',
  severity: 'error',
  message: 'SQL injection: dynamic SQL is built by concatenating values into the statement text.',
  suggestion:
    "Pass values with `USING` (`EXECUTE 'SELECT … WHERE id = $1' USING user_id`) and quote names with `format('%I', name)`.",
  patternQuery: 'parameterized SQL query placeholders SQL injection',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(source, /\bexecute\s+([^;]*?)(?=\busing\b|\binto\b|;|$)/i)) {
      // Values quoted by the server's own functions are safe; anything else concatenated in is not.
      const unquoted = match[1]!
        .replace(/\b(quote_literal|quote_ident|quote_nullable|format)\s*\([^)]*\)/gi, '')
        .replace(/'[^']*'/g, '');
      if (/\|\|/.test(match[1]!) && /[A-Za-z_]\w*/.test(unquoted.replace(/\|\|/g, '')))
        hits.push({ line: source.lineOf(match.index) });
    }
    for (const match of codeMatches(source, /\bprepare\s+\w+\s+from\s+concat\s*\(/i))
      hits.push({ line: source.lineOf(match.index) });
    return hits;
  },
};

/** `LIKE '%term'`: a leading wildcard cannot use a B-tree index, so every row is scanned. */
export const sqlLeadingWildcardRule: TextRule = {
  id: 'sql-leading-wildcard',
  languages: ['sql'],
  category: 'performance',
  severity: 'info',
  message: 'A `LIKE` pattern starting with `%` cannot use an index: the whole table is scanned.',
  suggestion:
    'Use full-text search (`to_tsvector … @@ websearch_to_tsquery(…)`) or a trigram index (`CREATE INDEX … USING gin (column gin_trgm_ops)`).',
  patternQuery: 'full text search postgres',
  check(source) {
    // The masked text blanks string contents, so the pattern is read from the original at the same offset.
    return [...codeMatches(source, /\bi?like\s+'/i)]
      .filter((match) => source.code[match.index + match[0].length] === '%')
      .map((match) => ({ line: source.lineOf(match.index) }));
  },
};
