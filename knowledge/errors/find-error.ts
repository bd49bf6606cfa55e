import { buildSignature, type ErrorEcosystem, type ErrorSignature } from './error-signature.ts';
import { isJavaScriptFrameLine, javascriptFrames, pythonFrames } from './stack-frames.ts';

/**
 * Finds the error in a message (a fenced block first, else the raw text) and reduces it to its
 * signature: Python tracebacks, TypeScript compiler errors, npm errors, V8/Node stack traces and
 * unhandled rejections, PostgreSQL errors, shell errors, and any `SomethingError: message` line.
 * Returns undefined when nothing in the text reads as an error.
 */
export function findError(text: string): ErrorSignature | undefined {
  for (const block of [...fencedBlocks(text), ...inlineCode(text), text]) {
    const lines = block.replace(/\r\n?/g, '\n').split('\n');
    for (const parse of parsers) {
      const found = parse(lines);
      if (found) return found;
    }
  }
  return undefined;
}

/** The signature of an error message written on its own (a corpus `fixes` entry), with or without its type. */
export function signatureOfMessage(message: string): ErrorSignature {
  return (
    findError(message) ??
    buildSignature({ ecosystem: ecosystemOfMessage('', message), type: '', message: message.trim() })
  );
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** Inline code that holds an error: "I get `TypeError: x is not a function` when …". */
function inlineCode(text: string): string[] {
  return [
    ...text.replace(/```[\s\S]*?```/g, ' ').matchAll(/`([^`\n]*(?:Error|Exception|ERR|ERROR)[^`\n]*:[^`\n]*)`/g),
  ].map((match) => match[1]!);
}

type Parser = (lines: string[]) => ErrorSignature | undefined;

const errorType =
  '(?:[A-Za-z_$][\\w$]*\\.)*[A-Za-z_$][\\w$]*(?:Error|Exception|Warning|Rejection|Interrupt|Exit|Violation|Failure)|Error|error|Exception|FATAL ERROR';
/** `TypeError: …`, `Error [ERR_X]: …`, `Uncaught (in promise) TypeError: …`, `(node:42) SomeWarning: …`. */
const headerLine = new RegExp(
  `^\\s*(?:\\(node:\\d+\\) )?(Uncaught (?:\\(in promise\\) )?)?(${errorType})(?: \\[([\\w-]+)\\])?:\\s*(.*)$`,
);
/** A Python exception raised without a message: `MemoryError`, `KeyboardInterrupt`. */
const bareTypeLine = /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Interrupt|Exit|Iteration))\s*$/;
/** Node's report of a promise rejected with something that is not an Error. */
const rejectionLine = /^\[(UnhandledPromiseRejection): (.*)\](?: \{)?\s*$/;

const pythonTraceback: Parser = (lines) => {
  let start = lines.findLastIndex((line) => /^\s*Traceback \(most recent call last\):/.test(line));
  if (start < 0) start = lines.findIndex((line) => /^\s*File ".+", line \d+/.test(line));
  if (start < 0) return undefined;
  const lastFrame = lines.findLastIndex((line) => /^\s*File ".+", line \d+/.test(line));
  if (lastFrame < start) return undefined;
  const indent = /^\s*/.exec(lines[start]!)![0].length;
  for (let index = lastFrame + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim() === '' || /^\s*/.exec(line)![0].length > indent) continue;
    const match = /^\s*([A-Za-z_][\w.]*)(?::\s?(.*))?$/.exec(line);
    if (!match) return undefined;
    return buildSignature({
      ecosystem: ecosystemOfMessage('python', match[2] ?? ''),
      type: match[1]!,
      message: (match[2] ?? '').trim(),
      frames: pythonFrames(lines.slice(start, lastFrame + 1)),
      details: detailLines(lines.slice(index + 1)),
    });
  }
  return undefined;
};

const typescriptCompiler: Parser = (lines) => {
  const diagnostics = lines
    .map((line) => /^(?:(.+?)(?:\((\d+),(\d+)\)|:(\d+):(\d+))\s*[-:]\s*)?error (TS\d+): (.+)$/.exec(line.trim()))
    .filter((match) => match !== null);
  const first = diagnostics[0];
  if (!first) return undefined;
  const file = first[1];
  const line = first[2] ?? first[4];
  const column = first[3] ?? first[5];
  return buildSignature({
    ecosystem: 'typescript',
    type: first[6]!,
    code: first[6]!,
    message: first[7]!.trim(),
    frames: file
      ? [{ function: '', file: file.split(/[/\\]/).at(-1)!, line: Number(line), column: Number(column) }]
      : [],
    details:
      diagnostics.length > 1
        ? [`…and ${diagnostics.length - 1} more TypeScript error${diagnostics.length > 2 ? 's' : ''}.`]
        : [],
  });
};

const npm: Parser = (lines) => {
  const contents = lines
    .map((line) => /^npm (?:ERR!|error)\s?(.*)$/.exec(line.trim())?.[1])
    .filter((content) => content !== undefined);
  if (contents.length === 0) return undefined;
  const code = contents.map((content) => /^code (\S+)$/.exec(content)?.[1]).find(Boolean);
  const informative = contents.filter(
    (content) => content.trim() !== '' && !/^(?:code|syscall|errno|path|command|signal|cwd)\b/.test(content),
  );
  const message =
    informative.find((content) => !/^(?:A complete log|Log files were not written|\s)/.test(content)) ?? code ?? '';
  return buildSignature({
    ecosystem: 'npm',
    type: 'npm',
    code,
    message: message.trim(),
    details: informative
      .filter((content) => content !== message && !/^A complete log|^\s*\/.*debug-\d/.test(content))
      .slice(0, 8),
  });
};

const javascriptStack: Parser = (lines) => {
  const firstFrame = lines.findIndex(isJavaScriptFrameLine);
  if (firstFrame < 0) return undefined;
  const headerIndex = lines
    .slice(0, firstFrame)
    .findLastIndex((line) => headerLine.test(line) || rejectionLine.test(line.trim()));
  const frameLines = lines.slice(firstFrame).filter(isJavaScriptFrameLine);
  const rest = lines.slice(firstFrame);
  const propertyCode = rest.map((line) => /^\s*code: '([\w-]+)'/.exec(line)?.[1]).find(Boolean);
  const unhandled = lines.some((line) =>
    /UnhandledPromiseRejection|Unhandled(?: promise)? rejection|Uncaught \(in promise\)/i.test(line),
  );
  if (headerIndex < 0) return undefined;
  const header = lines[headerIndex]!;
  return fromHeader(header, {
    frames: javascriptFrames(frameLines),
    code: propertyCode,
    unhandled,
    ecosystem: 'javascript',
  });
};

const postgres: Parser = (lines) => {
  const index = lines.findIndex((line) => /^(?:psql:[^:]*:\d+: )?(?:ERROR|FATAL|PANIC):\s+/.test(line.trim()));
  if (index < 0) return undefined;
  const match = /^(?:psql:([^:]*):(\d+): )?(ERROR|FATAL|PANIC):\s+(.*)$/.exec(lines[index]!.trim())!;
  return buildSignature({
    ecosystem: 'postgres',
    type: match[3]!,
    message: match[4]!.trim(),
    frames: match[1] ? [{ function: '', file: match[1].split(/[/\\]/).at(-1)!, line: Number(match[2]) }] : [],
    details: lines
      .slice(index + 1)
      .map((line) => line.trim())
      .filter((line) => /^(?:DETAIL|HINT|CONTEXT|LINE \d+|SQL state):/.test(line)),
    code: lines.map((line) => /SQL ?state:?\s*([0-9A-Z]{5})/i.exec(line)?.[1]).find(Boolean),
  });
};

const shell: Parser = (lines) => {
  for (const raw of lines) {
    const line = raw.trim();
    const zsh = /^zsh: (command not found|permission denied|no such file or directory): (.+)$/.exec(line);
    if (zsh) return buildSignature({ ecosystem: 'shell', type: 'zsh', message: `${zsh[1]}: ${zsh[2]}` });
    const dash = /^(\/bin\/sh|sh): (\d+): (.+)$/.exec(line);
    if (dash) return buildSignature({ ecosystem: 'shell', type: 'sh', message: dash[3]! });
    const script =
      /^(-?bash|sh|zsh|dash|ksh|(?:\.{0,2}\/)?[\w./-]+\.(?:sh|bash)|\.\/[\w.-]+): (?:line (\d+): )?(.+)$/.exec(line);
    if (
      script &&
      /command not found|unbound variable|Permission denied|No such file or directory|syntax error|bad substitution|unexpected/.test(
        script[3]!,
      )
    ) {
      const isScript = !/^-?(?:bash|sh|zsh|dash|ksh)$/.test(script[1]!);
      return buildSignature({
        ecosystem: 'shell',
        type: isScript ? 'bash' : script[1]!.replace(/^-/, ''),
        message: script[3]!,
        frames:
          isScript && script[2] ? [{ function: '', file: script[1]!.split('/').at(-1)!, line: Number(script[2]) }] : [],
      });
    }
    const tool =
      /^(sed|xargs|grep|awk|find|cp|mv|rm|cat|ls|chmod|chown|mkdir|tar|curl|ssh|make|docker|git|fatal): (.+)$/.exec(
        line,
      );
    if (tool) return buildSignature({ ecosystem: 'shell', type: tool[1]!, message: tool[2]! });
  }
  return undefined;
};

/** An error header in the middle of a sentence ("Why do I get Error: listen EADDRINUSE …"): the rest of the line is its message. */
const headerInProse = new RegExp(
  `(?:^|[\\s(])(${errorType.replace('|error|', '|').replace('|FATAL ERROR', '')})(?: \\[([\\w-]+)\\])?: (\\S.*)$`,
);

/** Any line that reads as an error header, without a stack: the first one wins, then one inside a sentence. */
const errorLine: Parser = (lines) => {
  for (const line of lines) {
    // argparse: `prog: error: the following arguments are required: --name`.
    const argparse = /^\S+: error: (.+)$/.exec(line.trim());
    if (argparse) return buildSignature({ ecosystem: 'python', type: 'error', message: argparse[1]! });
    if (headerLine.test(line) || rejectionLine.test(line.trim())) {
      return fromHeader(line, { frames: [], unhandled: /Uncaught \(in promise\)/.test(line), ecosystem: 'unknown' });
    }
    const bare = bareTypeLine.exec(line.trim());
    if (bare && lines.filter((other) => other.trim()).length <= 2) {
      return buildSignature({ ecosystem: ecosystemOfMessage('', '', bare[1]), type: bare[1]!, message: '' });
    }
  }
  for (const line of lines) {
    const match = headerInProse.exec(line);
    if (match)
      return fromHeader(`${match[1]}${match[2] ? ` [${match[2]}]` : ''}: ${match[3]!.replace(/[\s?!.,;:]+$/, '')}`, {
        frames: [],
        unhandled: false,
        ecosystem: 'unknown',
      });
  }
  return undefined;
};

const parsers: Parser[] = [pythonTraceback, typescriptCompiler, npm, javascriptStack, postgres, shell, errorLine];

function fromHeader(
  header: string,
  context: { frames: ErrorSignature['frames']; code?: string; unhandled: boolean; ecosystem: ErrorEcosystem },
): ErrorSignature {
  const rejection = rejectionLine.exec(header.trim());
  if (rejection) {
    return buildSignature({
      ecosystem: 'javascript',
      type: rejection[1]!,
      code: context.code ?? 'ERR_UNHANDLED_REJECTION',
      message: rejection[2]!,
      frames: context.frames,
      unhandledRejection: true,
    });
  }
  const match = headerLine.exec(header)!;
  const type = match[3] ? `${match[2]} [${match[3]}]` : match[2]!;
  // Node prints its warnings and errors with its process id: `(node:4304) MaxListenersExceededWarning: …`.
  if (/^\s*\(node:\d+\)/.test(header) && context.ecosystem === 'unknown')
    context = { ...context, ecosystem: 'javascript' };
  const message = match[4]!.trim();
  const code = match[3] ?? systemErrorCode(message) ?? context.code;
  return buildSignature({
    ecosystem:
      context.ecosystem === 'unknown'
        ? ecosystemOfMessage('', message, match[2])
        : ecosystemOfMessage(context.ecosystem, message),
    type,
    ...(code ? { code } : {}),
    message,
    frames: context.frames,
    unhandledRejection: context.unhandled || Boolean(match[1]?.includes('in promise')),
  });
}

const systemCodes =
  /\b(E(?:ADDRINUSE|ACCES|CONNREFUSED|CONNRESET|TIMEDOUT|MFILE|NFILE|NOENT|NOTFOUND|PERM|EXIST|NOTDIR|ISDIR|PIPE|NOBUFS|NOMEM|AI_AGAIN|HOSTUNREACH|NETUNREACH|NOSPC|BUSY|ROFS|NOTEMPTY|XDEV))\b/;

function systemErrorCode(message: string): string | undefined {
  return systemCodes.exec(message)?.[1];
}

const pythonOnlyTypes = new Set([
  'KeyError',
  'IndexError',
  'AttributeError',
  'NameError',
  'ImportError',
  'ModuleNotFoundError',
  'ValueError',
  'ZeroDivisionError',
  'FileNotFoundError',
  'PermissionError',
  'IndentationError',
  'TabError',
  'RecursionError',
  'StopIteration',
  'KeyboardInterrupt',
  'UnicodeDecodeError',
  'UnicodeEncodeError',
  'NotImplementedError',
  'OSError',
  'MemoryError',
  'RuntimeError',
  'ConnectionRefusedError',
  'FileExistsError',
  'IsADirectoryError',
  'BrokenPipeError',
  'OverflowError',
  'LookupError',
]);
const javascriptOnlyTypes = new Set([
  'ReferenceError',
  'RangeError',
  'URIError',
  'EvalError',
  'AggregateError',
  'DOMException',
  'AbortError',
  'DataCloneError',
  'FATAL ERROR',
]);

/** The message's ecosystem: PostgreSQL's messages are recognised whichever client printed them. */
function ecosystemOfMessage(known: ErrorEcosystem | '', message: string, type = ''): ErrorEcosystem {
  if (looksLikePostgres(message)) return 'postgres';
  if (known) return known;
  const last = type.split('.').at(-1)!;
  if (
    type.includes('.') ||
    pythonOnlyTypes.has(last) ||
    /object (?:is not|has no attribute)|\[Errno \d+\]/.test(message)
  )
    return 'python';
  if (
    javascriptOnlyTypes.has(last) ||
    /^Cannot read propert|is not a function|^Unexpected token|ERR_[A-Z_]+/.test(message)
  )
    return 'javascript';
  if (/^(?:E[A-Z]+:|listen |connect |spawn )/.test(message)) return 'javascript';
  return 'unknown';
}

export function looksLikePostgres(message: string): boolean {
  return /violates (?:unique|foreign key|not-null|check|exclusion) constraint|relation "[^"]+" does not exist|column "[^"]+" (?:of relation "[^"]+" )?does not exist|syntax error at or near|current transaction is aborted|ON CONFLICT|deadlock detected|permission denied for (?:table|schema|relation|sequence)|password authentication failed for user|operator does not exist|invalid input syntax for type|value too long for type|could not create unique index|tsquery|ordered-set aggregate|bind message supplies|null value in column/.test(
    message,
  );
}

function detailLines(lines: string[]): string[] {
  return lines.map((line) => line.trim()).filter((line) => /^(?:DETAIL|HINT):/.test(line));
}
