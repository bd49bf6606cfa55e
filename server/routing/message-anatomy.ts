/**
 * What a message is made of, apart from its wording: the prose the person
 * wrote, and structural signals such as pasted code, a stack trace, a path or a
 * dependency manifest. Code and program output are kept out of the prose, so a
 * pasted file's identifiers do not drown the few words that say what to do.
 */
export interface MessageAnatomy {
  /** The lines the person wrote (inline `code` kept), without code blocks, stack frames and error output. */
  prose: string;
  signals: Set<Signal>;
}

export type Signal =
  | 'code'
  | 'long-code'
  | 'stack-trace'
  | 'error-output'
  | 'path'
  | 'file-name'
  | 'manifest'
  | 'version'
  | 'two-versions'
  | 'from-to'
  | 'question'
  | 'inline-code'
  | 'shell-command'
  | 'own-resource'
  | 'no-prose';

/** How each signal reads in a routing reason. */
export const signalPhrases: Record<Signal, string> = {
  code: 'includes code',
  'long-code': 'includes a long piece of code',
  'stack-trace': 'contains a stack trace',
  'error-output': 'quotes an error message',
  path: 'names a path',
  'file-name': 'names a file',
  manifest: 'includes a dependency manifest',
  version: 'mentions a version',
  'two-versions': 'mentions two versions',
  'from-to': 'moves from one thing to another',
  question: 'asks a question',
  'inline-code': 'quotes code inline',
  'shell-command': 'is a shell command',
  'own-resource': 'points at your own files or data',
  'no-prose': 'has no words besides the pasted text',
};

const stackFrame = [
  /^\s*at\s+\S.*(:\d+(:\d+)?\)?|\((native|<anonymous>|Unknown Source)\))\s*$/, // JavaScript, Java, C#
  /^\s*at\s+[\w$.<>]+\(.*\)\s*$/, // Java frame without a line
  /^\s*at\s+\S.*\sin\s+\S.*:line \d+\s*$/, // .NET
  /^\s*File ".+", line \d+/, // Python
  /^\s*Traceback \(most recent call last\)/,
  /^\s*goroutine \d+ \[/,
  /^\s*[\w./-]+\.go:\d+/,
  /^\s*#\d+\s+0x[0-9a-f]+/i, // gdb
  /^\s*\d+:\s+(0x[0-9a-f]+|[\w:<>]+::)/i, // Rust backtrace
  /thread '.+' panicked at/,
  /^\s*Caused by:/,
  /^\s*\.\.\. \d+ more/,
  /^\s*(from\s+)?[\w./-]+\.rb:\d+:in /, // Ruby
  /^\s*[\w./\\-]+\.(php|py|js|ts|cs|java|kt|swift|c|cpp):\d+/, // file:line lines of many tools
];

const errorOutput = [
  /\b[A-Z][A-Za-z]*(Error|Exception|Fault)\b(:|\s*\(|$)/,
  /^\s*(error|fatal|panic|FATAL|ERROR|E)\b(\[\w+\])?[:!]/,
  /\berror(\[E\d+\]|\s+TS\d+|\s+CS\d+|\s+C\d+)?:/i,
  /npm ERR!|ERR_[A-Z_]+|\bE(CONNREFUSED|NOENT|ADDRINUSE|ACCES|PERM|TIMEDOUT|CONNRESET)\b/,
  /Segmentation fault|core dumped|Killed\s*$|OOMKilled/,
  /exit(ed)?( with)? (code|status) [1-9]/i,
  /\b(undefined reference to|is not defined|is not a function|cannot find (module|symbol)|has no attribute|no such file or directory|permission denied|command not found|unexpected token)\b/i,
  /\b[1-5]\d\d (Internal Server Error|Bad Request|Not Found|Unauthorized|Forbidden|Bad Gateway|Service Unavailable)\b/,
  /^\s*(WARN|WARNING|CRITICAL)\b/,
];

/** Other program output: log lines, compiler diagnostics' gutters, database error details. */
const outputLine = [
  /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/, // timestamped log line
  /^\s*\[?(INFO|DEBUG|TRACE|WARN|WARNING|ERROR|FATAL|CRITICAL)\]?\s/,
  /^\s*(-->|\d*\s*\|(\s|$)|=\s*(note|help):)/, // rustc and similar
  /^\s*(DETAIL|HINT|CONTEXT|STATEMENT|LINE \d+|QUERY):/, // PostgreSQL
  /^\s*\*{5,}\s*$/,
];

const codeStart =
  /^\s*(import\s+([\w.]+(\s+as\s+\w+)?\s*;?$|[\w{*][^'"]*\s+from\s+['"]|['"])|from\s+[\w.]+\s+import\b|export\s+(default|const|function|class|interface|type)\b|(const|let|var)\s+[\w{[]+\s*[:=]|(async\s+)?function\s*[\w(]|def\s+\w+\s*\(|class\s+\w+\s*[(:{<]|return\b.*[;)\]}]\s*$|return\s*;?$|if\s*\(|for\s*\(|while\s*\(|(public|private|protected|internal)\s+(static\s+|final\s+|async\s+|override\s+|readonly\s+)*[\w<>[\]]+\s+\w+\s*[({=;]|#include\s*[<"]|using\s+[\w.]+;|package\s+[\w.]+;?$|fn\s+\w+|func\s+[\w(]|impl\b|struct\s+\w+|@\w+(\(|$)|\$\s+\w|>>>\s|<\/?[a-zA-Z][\w-]*(\s[^>]*)?>|\}|\{|\]|#!\/|\/\/|\/\*)/;
const sqlLine =
  /^\s*(SELECT\s.+\sFROM|SELECT\s+\*|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW|UNIQUE|OR REPLACE)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX)|FROM\s+\w+|WHERE\s+\w|JOIN\s+\w|GROUP BY|ORDER BY|WITH\s+\w+\s+AS)\b/;
const codeSymbols = /[{}()[\];=<>|&*+$@\\]/g;

const manifestLine = [
  /"(dependencies|devDependencies|peerDependencies|engines)"\s*:/,
  /^\s*"[@\w./-]+"\s*:\s*"[~^<>=\s]*\d+\.[\dx]+/, // package.json: "react": "^18.2.0"
  /^\s*[\w.-]+\s*(==|>=|~=|<=)\s*\d/, // requirements.txt
  /^\s*\[(dependencies|dev-dependencies|tool\.poetry[\w.-]*|project)\]\s*$/, // Cargo.toml, pyproject.toml
  /<(dependency|artifactId|groupId)>/, // Maven
  /^\s*require\s*\(|^\s*[\w.-]+\.[a-z]+\/[\w./-]+\s+v\d/, // go.mod
  /^\s*gem\s+['"]/, // Gemfile
  /^\s*(implementation|api|compile)\s*\(?['"][\w.-]+:[\w.-]+:/, // Gradle
];

const versionPattern =
  /\b(v?\d+\.(\d+|x)(\.\d+)?|(python|py|node(\.js)?|react|angular|vue|java|jdk|django|rails|spring boot|php|go|ruby|next(\.js)?|nuxt|typescript|ts|postgres(ql)?|pg|mysql|ubuntu|debian|\.net|net|dotnet|kotlin|scala|swift|laravel|symfony|ember|webpack|babel|eslint|jest|mocha|express|flask|fastapi|pydantic|sqlalchemy|numpy|pandas|tensorflow|gradle|maven|elasticsearch|mongo(db)?|redis|kafka|k8s|kubernetes|tailwind|bootstrap|vite|nuxt|svelte|sveltekit|ios|android|c\+\+|es|ecmascript|junit|spring|hibernate|rust|edition|openssl|jquery|material ui|mui|prisma|typeorm|sequelize|nestjs|electron|unity|godot|xcode|cuda|pytorch|mongoose|rxjs|graphql|apollo|terraform|helm|php|perl|lua|dart|flutter)\s?v?\d{1,4}(\.(\d+|x))*)\b/gi;
const fromTo = /\bfrom\s+[\w.+#-]+(\s+[\w.+#-]+){0,3}\s+(to|into|→|->)\s+[\w.+#-]+/i;
const pathPattern =
  /(^|[\s"'`(=:])(~\/|\.{1,2}\/|\/(?=[\w.@-]+))[\w.@/-]*|[A-Za-z]:\\[\w\\. -]+|\b[\w.-]+\/[\w.-]+\/[\w./-]*/;
const fileName =
  /\b[\w.-]*\w\.(json|jsonc|ts|tsx|mts|js|jsx|mjs|cjs|py|go|rs|java|kt|rb|php|c|cc|cpp|h|hpp|cs|sql|ya?ml|toml|md|txt|csv|env|lock|xml|html|css|scss|sh|ini|cfg|conf|log|gradle|properties|svelte|vue|ipynb|parquet|sqlite|db)\b|\b(Dockerfile|Makefile|Gemfile|Procfile|Jenkinsfile|\.gitignore|\.env)\b/;
/** A one-line command that reads or lists something, typed as into a terminal: `ls ~/code`, `cat package.json`. */
const shellCommand =
  /^\s*(ls|ll|cat|tree|head|tail|du|df|wc|pwd|stat|grep|rg|ps|psql|sqlite3|git (status|log|diff|branch|show))\b/;
const commandArgument = /(^|\s)(-{1,2}\w|~|\.{0,2}\/|[\w-]+\.\w)/;
/** "the orders table", "my database", "our repo", "this machine": a specific thing of the user's that a tool could open. */
const ownResource =
  /\b(the|my|our|this|that)\s+([\w.`'"-]+\s+)?(table|tables|schema|database|db|collection|repo|repository|folder|directory|dir|branch|bucket|machine|server|disk|home directory|codebase|project folder|working tree|logs? folder)\b/i;
const questionStart =
  /^(what|whats|what's|why|how|when|where|which|who|whom|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|has|have|any|anyone)\b/i;

export function dissect(message: string): MessageAnatomy {
  const signals = new Set<Signal>();
  const proseLines: string[] = [];
  let codeLines = 0;
  let fenced = false;
  let manifestLines = 0;
  let afterTrace = false;
  const lines = message.split(/\r?\n/);
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      signals.add('code');
      continue;
    }
    if (stackFrame.some((pattern) => pattern.test(line))) signals.add('stack-trace');
    if (errorOutput.some((pattern) => pattern.test(line))) signals.add('error-output');
    if (manifestLine.some((pattern) => pattern.test(line))) manifestLines += 1;
    if (fenced) {
      codeLines += 1;
      continue;
    }
    let kind = lineKind(line, lines.length);
    // The line under a traceback names the exception: `queue.Empty`, `KeyboardInterrupt`, `ZeroDivisionError: division by zero`.
    if (kind === 'prose' && afterTrace && /^\s*[\w.]*[A-Z]\w*(:\s.*)?$/.test(line)) kind = 'output';
    if (kind === 'code') codeLines += 1;
    if (kind === 'prose') proseLines.push(line);
    afterTrace = kind !== 'prose' && (afterTrace || stackFrame.some((pattern) => pattern.test(line)));
  }
  if (codeLines >= 2) signals.add('code');
  if (codeLines >= 15) signals.add('long-code');
  if (
    manifestLines >= 2 ||
    (manifestLines >= 1 &&
      /\b(package\.json|requirements\.txt|pyproject|cargo\.toml|go\.mod|gemfile|pom\.xml|build\.gradle)\b/i.test(
        message,
      ))
  )
    signals.add('manifest');

  const prose = proseLines.join('\n').trim();
  if (!prose) signals.add('no-prose');
  const versions = new Set(
    [...prose.matchAll(versionPattern)].map((match) => match[0].toLowerCase().replace(/\s+/g, ' ')),
  );
  if (versions.size >= 1 || signals.has('manifest')) signals.add('version');
  if (versions.size >= 2) signals.add('two-versions');
  if (fromTo.test(prose)) signals.add('from-to');
  if (/`[^`\n]+`/.test(prose)) signals.add('inline-code');
  if (ownResource.test(prose)) signals.add('own-resource');
  if (pathPattern.test(prose)) signals.add('path');
  if (fileName.test(prose)) signals.add('file-name');
  const commandRest = prose.replace(shellCommand, '').trim();
  if (lines.length === 1 && shellCommand.test(prose) && (commandRest === '' || commandArgument.test(commandRest))) {
    signals.add('shell-command');
  }
  if (/\?\s*$/m.test(prose) || questionStart.test(prose)) signals.add('question');
  return { prose, signals };
}

/** One line outside a code fence: something the person wrote, pasted code, or program output (trace, log, error). */
function lineKind(line: string, lineCount: number): 'prose' | 'code' | 'output' {
  const trimmed = line.trim();
  if (!trimmed) return 'output';
  if (stackFrame.some((pattern) => pattern.test(line))) return 'output';
  if (lineCount > 1 && outputLine.some((pattern) => pattern.test(line))) return 'output';
  // A one-line message is prose, even when it quotes an error: it is the only thing the person wrote.
  if (lineCount === 1) return 'prose';
  if (
    errorOutput.some((pattern) => pattern.test(line)) &&
    !/\b(i|my|me|we|why|how|what|help|get|getting|got|keep)\b/i.test(trimmed)
  )
    return 'output';
  if (codeStart.test(line) || sqlLine.test(line)) return 'code';
  if (/^(\t| {4,})\S/.test(line) && !/^\s*([-*•]|\d+[.)])\s/.test(line)) return 'code';
  // Dense symbols make code, unless the line is mostly ordinary words ("port this to C++ (C++20)").
  const symbols = trimmed.match(codeSymbols)?.length ?? 0;
  const density = symbols / trimmed.replace(/\s/g, '').length;
  const words = trimmed.split(/\s+/).filter((token) => /^[A-Za-z][a-z']+[,.;:?!]?$/.test(token)).length;
  if (symbols >= 3 && (density > 0.25 || (density > 0.12 && words < 4))) return 'code';
  if (/[;{]\s*$/.test(trimmed) || /^\w[\w.]*\s*(=|:=|\+=)\s*\S/.test(trimmed) || /^\w[\w.]*\(.*\)\s*;?$/.test(trimmed))
    return 'code';
  return 'prose';
}
