import type { SourceText } from '../source-text.ts';
import type { RuleHit, TextRule } from '../review-rule.ts';
import { callArguments, codeMatches, firstArgument, statementEnd } from './text-helpers.ts';

const sqlWords = /\b(select|insert\s+into|update|delete\s+from|where|values|order\s+by)\b/i;

/**
 * Whether a Python expression formats values into a string: an f-string with a
 * field (other than a list of placeholders the code built, see
 * `isPlaceholderList`), `%`, `.format(`, or `+` with a string.
 */
function formatsString(expression: { text: string; masked: string }, source?: SourceText): boolean {
  const fields = [...expression.text.replace(/\{\{|\}\}/g, '').matchAll(/\{([^{}]+)\}/g)].map((match) =>
    match[1]!.trim(),
  );
  const fString =
    /(?<![\w])[rRbB]?[fF][rR]?(?:"""|'''|"|')/.test(expression.masked) &&
    fields.some((field) => !source || !isPlaceholderList(source, field));
  const formatted = /["']\s*%\s*[\w(]/.test(expression.masked) || /["']\s*\.format\s*\(/.test(expression.masked);
  const concatenated = /["']\s*\+\s*[\w(]|[\w)\]]\s*\+\s*[rbuRBU]?["']/.test(expression.masked);
  return fString || formatted || concatenated;
}

/** `cursor.execute(f"… {user_id}")`, also through a variable assigned such a string. */
export const pythonSqlInjectionRule: TextRule = {
  id: 'python-sql-injection',
  languages: ['python'],
  category: 'security',
  severity: 'error',
  message:
    'SQL injection: values are formatted into the SQL text (f-string, `%` or `.format`), so a crafted value rewrites the query.',
  suggestion:
    'Pass the values as parameters: `cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))` (`?` placeholders with sqlite3).',
  patternQuery: 'parameterized SQL query placeholders SQL injection',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(source, /\.(execute|executemany|executescript|exec_driver_sql|raw)\s*\(/)) {
      const open = match.index + match[0].length - 1;
      const parsed = callArguments(source, open);
      if (!parsed) continue;
      const sql = firstArgument(parsed);
      const offset = parsed.start + parsed.masked.indexOf(sql.masked);
      if (formatsString(sql, source) && sqlWords.test(sql.text)) hits.push({ line: source.lineOf(offset) });
      else if (/^[A-Za-z_]\w*$/.test(sql.masked)) hits.push(...assignedFormattedSql(source, sql.masked));
    }
    return hits;
  },
};

function assignedFormattedSql(source: SourceText, name: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const assignment of codeMatches(source, new RegExp(`^[ \\t]*${name}[ \\t]*\\+?=(?!=)`, 'm'))) {
    const start = assignment.index + assignment[0].length;
    const end = statementEnd(source, start);
    const value = { text: source.code.slice(start, end), masked: source.masked.slice(start, end) };
    if (formatsString(value, source) && sqlWords.test(value.text)) hits.push({ line: source.lineOf(start) });
  }
  return hits;
}

/** Whether a name only ever holds placeholders the code joined: `placeholders = ", ".join("?" * len(ids))`. */
function isPlaceholderList(source: SourceText, name: string): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) return false;
  const values = [...codeMatches(source, new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)`, 'm'))].map((match) =>
    source.code.slice(match.index + match[0].length, statementEnd(source, match.index + match[0].length)),
  );
  return values.length > 0 && values.every((value) => /\.join\s*\(/.test(value) && /["'](\?|%s)["']/.test(value));
}

/** `eval(…)` / `exec(…)`: run a string as code. */
export const pythonEvalRule: TextRule = {
  id: 'python-eval',
  languages: ['python'],
  category: 'security',
  severity: 'error',
  message: '`eval`/`exec` run a string as Python: whoever controls any part of it runs their own code.',
  suggestion: 'Parse data with `json.loads` or `ast.literal_eval`, or dispatch through a dict of allowed functions.',
  check: (source) =>
    [...codeMatches(source, /(?<![\w.])(?<!def\s+)(eval|exec)\s*\(/)].map((match) => ({
      line: source.lineOf(match.index),
    })),
};

/** `except:` with no exception class. */
export const pythonBareExceptRule: TextRule = {
  id: 'python-bare-except',
  languages: ['python'],
  category: 'correctness',
  severity: 'warning',
  message: 'A bare `except:` catches everything, including `KeyboardInterrupt` and `SystemExit`, and hides real bugs.',
  suggestion:
    'Catch what you expect: `except (ValueError, KeyError) as error:`; at the very least `except Exception:`.',
  check: (source) =>
    [...codeMatches(source, /^[ \t]*except[ \t]*:/m)].map((match) => ({
      line: source.lineOf(match.index + match[0].indexOf('except')),
    })),
};

/** An `except` whose whole body is `pass` (or `...`). */
export const pythonExceptPassRule: TextRule = {
  id: 'python-except-pass',
  languages: ['python'],
  category: 'correctness',
  severity: 'warning',
  message: 'The exception is swallowed (`except …: pass`): failures vanish and the code goes on as if it worked.',
  suggestion:
    'Handle it, or log it (`logger.exception(…)`) and re-raise; if ignoring is right, catch the specific exception and say why in a comment.',
  check(source) {
    const lines = source.masked.split('\n');
    const indentation = (line: string) => line.length - line.trimStart().length;
    const hits: RuleHit[] = [];
    lines.forEach((line, index) => {
      const clause = /^([ \t]*)except\b[^:]*:(.*)$/.exec(line);
      if (!clause) return;
      const sameLine = clause[2]!.trim();
      const body = sameLine ? [sameLine] : [];
      for (let next = index + 1; !sameLine && next < lines.length; next += 1) {
        if (lines[next]!.trim() === '') continue;
        if (indentation(lines[next]!) <= clause[1]!.length) break;
        body.push(lines[next]!.trim());
      }
      if (body.length === 1 && (body[0] === 'pass' || body[0] === '...')) hits.push({ line: index + 1 });
    });
    return hits;
  },
};

/** `hashlib.md5(password…)` and other fast hashes of a password; MD5/SHA-1 of anything else is a warning. */
export const pythonWeakHashRule: TextRule = {
  id: 'python-weak-password-hash',
  languages: ['python'],
  category: 'security',
  severity: 'error',
  message: 'Passwords are hashed with a fast hash: a leaked table is cracked at billions of guesses a second.',
  suggestion:
    'Use `hashlib.scrypt(password, salt=os.urandom(16), n=2**14, r=8, p=1)` (or argon2/bcrypt), and compare with `hmac.compare_digest`.',
  patternQuery: 'hash password scrypt salt',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(
      source,
      /\bhashlib\.(?:(md5|sha1|sha224|sha256|sha384|sha512|sha3_256|blake2b)\s*\(|new\s*\(\s*['"](\w+)['"])/,
    )) {
      const algorithm = (match[1] ?? match[2] ?? '').toLowerCase();
      const statement = source.code.slice(match.index, statementEnd(source, match.index));
      const line = source.code.slice(source.code.lastIndexOf('\n', match.index) + 1, match.index) + statement;
      if (/passw(or)?d|\bpwd\b|passphrase/i.test(line))
        hits.push({
          line: source.lineOf(match.index),
          message: `Passwords are hashed with ${algorithm.toUpperCase()}, a fast hash: a leaked table is cracked at billions of guesses a second.`,
        });
      else if (algorithm === 'md5' || algorithm === 'sha1') {
        hits.push({
          line: source.lineOf(match.index),
          severity: 'warning',
          message: `${algorithm.toUpperCase()} is broken (collisions can be made on purpose): fine for cache keys, not for signatures, tokens or integrity checks.`,
          suggestion:
            'Use `hashlib.sha256`, or `hmac.new(key, message, "sha256")` when the value authenticates something.',
        });
      }
    }
    return hits;
  },
};

/** `subprocess.run(…, shell=True)` and `os.system(…)`: the command goes through a shell. */
export const pythonShellRule: TextRule = {
  id: 'python-shell-injection',
  languages: ['python'],
  category: 'security',
  severity: 'warning',
  message:
    '`shell=True` runs the command through a shell: quoting mistakes break it, and any value in it can inject commands.',
  suggestion: 'Pass an argument list without a shell: `subprocess.run(["convert", path, output], check=True)`.',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(
      source,
      /\b(subprocess\.(?:run|call|Popen|check_output|check_call)|os\.system|os\.popen)\s*\(/,
    )) {
      const parsed = callArguments(source, match.index + match[0].length - 1);
      if (!parsed) continue;
      const throughShell = match[1]!.startsWith('os.') || /\bshell\s*=\s*True\b/.test(parsed.masked);
      if (!throughShell) continue;
      const command = firstArgument(parsed);
      const built = formatsString(command) || /^[A-Za-z_][\w.]*$/.test(command.masked);
      hits.push(
        built
          ? {
              line: source.lineOf(match.index),
              severity: 'error',
              message:
                'Command injection: a command built from values runs through a shell, so a value like `; rm -rf ~` runs too.',
            }
          : { line: source.lineOf(match.index) },
      );
    }
    return hits;
  },
};

/** `pickle.loads`, `marshal.loads`, `yaml.load` without the safe loader: loading runs code the data names. */
export const pythonUnsafeDeserialisationRule: TextRule = {
  id: 'python-unsafe-deserialization',
  languages: ['python'],
  category: 'security',
  severity: 'warning',
  message:
    'Unpickling (or `yaml.load`) runs code chosen by whoever wrote the data: on untrusted input that is remote code execution.',
  suggestion:
    'Use a data-only format for anything from outside: `json.loads`, or `yaml.safe_load`; keep pickle for data your own process wrote.',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(source, /\b(c?[pP]ickle\.loads?|marshal\.loads?|yaml\.load)\s*\(/)) {
      const parsed = callArguments(source, match.index + match[0].length - 1);
      if (match[1] === 'yaml.load' && parsed && /Loader\s*=\s*(yaml\.)?(Safe|CSafe)Loader/.test(parsed.text)) continue;
      hits.push({ line: source.lineOf(match.index) });
    }
    return hits;
  },
};

/** `def f(items=[])`: the default is created once and shared by every call. */
export const pythonMutableDefaultRule: TextRule = {
  id: 'python-mutable-default',
  languages: ['python'],
  category: 'correctness',
  severity: 'warning',
  message:
    'A mutable default argument is created once and shared by every call: changes leak from one call into the next.',
  suggestion:
    'Default to `None` and create it inside: `def add(item, items=None):` then `items = [] if items is None else items`.',
  check(source) {
    const hits: RuleHit[] = [];
    for (const match of codeMatches(source, /\bdef\s+\w+\s*\(/)) {
      const parsed = callArguments(source, match.index + match[0].length - 1);
      const mutable = parsed && /=\s*(\[|\{|(?:list|dict|set|defaultdict|bytearray)\s*\()/.exec(parsed.masked);
      if (mutable) hits.push({ line: source.lineOf(parsed.start + mutable.index) });
    }
    return hits;
  },
};
