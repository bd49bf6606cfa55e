/** Fence tags and file extensions, by the language they name (the pattern store's names). */
const tags: Record<string, string> = {
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  javascript: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  nodejs: 'javascript',
  py: 'python',
  python: 'python',
  python3: 'python',
  py3: 'python',
  sql: 'sql',
  postgres: 'sql',
  postgresql: 'sql',
  psql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  plpgsql: 'sql',
  pgsql: 'sql',
  tsql: 'sql',
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  dash: 'shell',
  svelte: 'svelte',
  go: 'go',
  golang: 'go',
  rust: 'rust',
  rs: 'rust',
  java: 'java',
  kotlin: 'kotlin',
  kt: 'kotlin',
  c: 'c',
  cpp: 'c++',
  'c++': 'c++',
  cs: 'c#',
  csharp: 'c#',
  rb: 'ruby',
  ruby: 'ruby',
  php: 'php',
  swift: 'swift',
  html: 'html',
  css: 'css',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
};

/** Tags that say "not code": output, logs, prose. */
const plainTags = new Set([
  'text',
  'txt',
  'plain',
  'plaintext',
  'console',
  'output',
  'log',
  'logs',
  'diff',
  'md',
  'markdown',
]);

/** The language a fence tag names; undefined for no tag or a tag Kiln does not know. */
export function languageOfTag(tag: string): string | undefined {
  return tags[tag.trim().toLowerCase()];
}

export function isPlainTag(tag: string): boolean {
  return plainTags.has(tag.trim().toLowerCase());
}

/** Whether a fence tag or the code itself says the code uses JSX. */
export function usesJsx(code: string, tag = ''): boolean {
  if (/^(tsx|jsx)$/i.test(tag.trim())) return true;
  return /<\/[A-Za-z][\w.]*>|<[A-Za-z][\w.]*(\s+[\w-]+(=\{|="))[^<>]*\/?>|<[A-Za-z][\w.]*\s*\/>/.test(code);
}

/** Signals per language; each match counts its weight. */
const signals: Record<string, [RegExp, number][]> = {
  typescript: [
    [/\b(interface|type)\s+\w+(\s*<[^>]*>)?\s*(=|\{)/, 3],
    [/:\s*(string|number|boolean|void|unknown|any|never|Promise<|Record<|Array<)/, 3],
    [/\b(private|public|protected|readonly)\s+\w+/, 2],
    [/\bas\s+(const|string|number|unknown)\b|\w+<\w+(,\s*\w+)*>\(/, 2],
    [/\bimport\s+type\b|\bexport\s+type\b|\benum\s+\w+\s*\{/, 3],
  ],
  javascript: [
    [/\b(const|let|var)\s+[\w{[]/, 2],
    [/\bfunction\s*\w*\s*\(|=>\s*[{(\w]/, 2],
    [/\brequire\(['"]|\bmodule\.exports\b|\bexport\s+(default|const|function|class)\b|\bimport\s+.+\s+from\s+['"]/, 3],
    [/\bconsole\.\w+\(|\bdocument\.|\bwindow\.|\bawait\s+\w/, 2],
    [/;\s*$/m, 1],
  ],
  python: [
    [/^\s*def\s+\w+\s*\(.*\)\s*(->\s*[\w[\], .]+)?:\s*$/m, 4],
    [/^\s*(from\s+[\w.]+\s+import\s+\w|import\s+[\w.]+\s*$)/m, 3],
    [/^\s*(elif\b|except\b.*:|with\s+.+:\s*$|class\s+\w+(\(.*\))?:\s*$)/m, 3],
    [/\bself\.\w+|\bNone\b|\bTrue\b|\bFalse\b|\bprint\(/, 1],
    [/^\s*(if|for|while)\b[^{;]*:\s*$/m, 2],
  ],
  sql: [
    [
      /^\s*(select\s[\s\S]+?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|create\s+(table|index|view|function|or\s+replace)\b|alter\s+table\s|with\s+\w+\s+as\s*\()/im,
      4,
    ],
    [/\b(join|group\s+by|order\s+by|where)\b/i, 1],
  ],
  shell: [
    [/^#!.*\b(ba|z|k|da)?sh\b/, 5],
    [/^\s*(if\s+\[|then\s*$|fi\s*$|done\s*$|do\s*$|esac\s*$|set\s+-[euxo])/m, 3],
    [/\$\{?\w+\}?|\$\(|\bexport\s+[A-Z_]+=/, 1],
    [/^\s*(sudo|apt(-get)?|npm|curl|wget|rm|mkdir|cd|echo|chmod|git|docker)\s/m, 2],
  ],
  svelte: [[/\{#(if|each|await)\b|\{@html\b|<script\b[^>]*>[\s\S]*<\/script>/, 4]],
};

/**
 * The language of untagged code, by weighted signals (a `def …:` line is
 * Python, `interface X {` is TypeScript…); TypeScript wins over JavaScript
 * only on TypeScript's own syntax. Undefined when nothing scores.
 */
export function detectLanguage(code: string): string | undefined {
  const scores = Object.fromEntries(
    Object.entries(signals).map(([language, checks]) => [
      language,
      checks.reduce((sum, [pattern, weight]) => sum + (pattern.test(code) ? weight : 0), 0),
    ]),
  );
  // TypeScript is JavaScript with types: its own signals decide, on top of the JavaScript ones.
  if (scores.typescript! > 0) scores.typescript! += scores.javascript!;
  const [best, score] = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
  return score >= 2 ? best : undefined;
}
