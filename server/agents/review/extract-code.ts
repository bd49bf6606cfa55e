import { detectLanguage, isPlainTag, languageOfTag, usesJsx } from './detect-language.ts';

/** The code a review is about, as found in the user's message. */
export interface ReviewedCode {
  code: string;
  /** The pattern store's language name (`typescript`, `python`…), another language's name, or `unknown`. */
  language: string;
  jsx: boolean;
  /** A fenced block, or the code-like lines of a message without one. */
  origin: 'fence' | 'message';
  /** Other code blocks in the message that this review leaves out. */
  otherBlocks: number;
}

interface Fence {
  tag: string;
  code: string;
}

/**
 * The code to review: the longest fenced block (its tag names the language,
 * else the code does; blocks tagged as output or text are skipped), or, with
 * no fence, the longest run of code-like lines. Undefined when there is no code.
 */
export function extractCode(message: string): ReviewedCode | undefined {
  const fences = fencedBlocks(message).filter((fence) => fence.code.trim() !== '');
  const candidates = fences.filter((fence) => !isPlainTag(fence.tag));
  if (candidates.length > 0) {
    const chosen = candidates.reduce((longest, fence) =>
      lineCount(fence.code) > lineCount(longest.code) ? fence : longest,
    );
    return {
      code: chosen.code,
      language: languageOfTag(chosen.tag) ?? detectLanguage(chosen.code) ?? 'unknown',
      jsx: usesJsx(chosen.code, chosen.tag),
      origin: 'fence',
      otherBlocks: candidates.length - 1,
    };
  }
  const code = codeLinesOf(message);
  if (!code) return undefined;
  return { code, language: detectLanguage(code) ?? 'unknown', jsx: usesJsx(code), origin: 'message', otherBlocks: 0 };
}

const lineCount = (text: string) => text.split('\n').length;

/** CommonMark fences: ``` or ~~~ (three or more), closed by the same character at least as long; an unclosed fence runs to the end. */
function fencedBlocks(message: string): Fence[] {
  const blocks: Fence[] = [];
  let open: { marker: string; tag: string; lines: string[] } | undefined;
  for (const line of message.split('\n')) {
    if (!open) {
      const opening = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/.exec(line);
      if (opening) open = { marker: opening[1]!, tag: opening[2]!, lines: [] };
      continue;
    }
    const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (closing && closing[1]![0] === open.marker[0] && closing[1]!.length >= open.marker.length) {
      blocks.push({ tag: open.tag, code: open.lines.join('\n') });
      open = undefined;
    } else open.lines.push(line);
  }
  if (open) blocks.push({ tag: open.tag, code: open.lines.join('\n') });
  return blocks;
}

const codeLine = [
  /[;{}]\s*$|^\s*[)}\]]/,
  /^(\t| {2,})\S/,
  /=>|===|!==|==|!=|&&|\|\||\w\s*\(.*\)\s*[;:]?\s*$/,
  /^\s*[\w.[\]'"]+\s*[-+*/]?=\s*\S/,
  /^\s*(import\s+[\w{*]|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+\s*[({:]|function\s*\w*\s*\(|(const|let|var)\s+[\w{[]|return\b\s*\S*\s*[;)\]}]?$|(if|for|while|switch|catch)\s*\()/,
  /^\s*(select|insert|update|delete|create|alter|drop|with)\s+[\w*"]+.*(\bfrom\b|\binto\b|\bset\b|\btable\b|\bas\b|;)/i,
  /^\s*(\/\/|#!|--\s)/,
];
const proseLine = /^\s*[A-Za-z'’]+(?:[\s,]+[A-Za-z'’()-]+){3,}[.?!:]?\s*$/;

/** The longest run of code-like lines (blank lines allowed inside), with at least one clearly code line. */
function codeLinesOf(message: string): string | undefined {
  const lines = message.split('\n');
  const kinds = lines.map((line) =>
    line.trim() === ''
      ? 'blank'
      : codeLine.some((pattern) => pattern.test(line))
        ? 'code'
        : proseLine.test(line)
          ? 'prose'
          : 'other',
  );
  let best: { start: number; end: number; code: number } | undefined;
  let start = 0;
  for (let index = 0; index <= lines.length; index += 1) {
    if (index < lines.length && kinds[index] !== 'prose') continue;
    const run = kinds.slice(start, index);
    const codeCount = run.filter((kind) => kind === 'code').length;
    if (codeCount > 0 && (!best || codeCount > best.code)) {
      // Trim blank and unclassified lines from both ends.
      let first = start;
      let last = index - 1;
      while (kinds[first] !== 'code') first += 1;
      while (kinds[last] !== 'code') last -= 1;
      best = { start: first, end: last, code: codeCount };
    }
    start = index + 1;
  }
  return best ? lines.slice(best.start, best.end + 1).join('\n') : undefined;
}
