import type { SourceText } from '../source-text.ts';

/** Every match of `pattern` (made global) in the masked text, i.e. in code rather than comments or strings. */
export function* codeMatches(source: SourceText, pattern: RegExp): Generator<RegExpExecArray> {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const match of source.masked.matchAll(global)) yield match as RegExpExecArray;
}

/**
 * The arguments of the call whose `(` is at `open` in the masked text: the
 * original text between the parentheses, its masked twin, and where it starts.
 * Undefined when the parenthesis never closes.
 */
export function callArguments(
  source: SourceText,
  open: number,
): { text: string; masked: string; start: number } | undefined {
  let depth = 0;
  for (let index = open; index < source.masked.length; index += 1) {
    const character = source.masked[index];
    if (character === '(' || character === '[' || character === '{') depth += 1;
    else if (character === ')' || character === ']' || character === '}') {
      depth -= 1;
      if (depth === 0)
        return {
          text: source.code.slice(open + 1, index),
          masked: source.masked.slice(open + 1, index),
          start: open + 1,
        };
    }
  }
  return undefined;
}

/** The first argument of an argument list (split at the first top-level comma). */
export function firstArgument(argumentsText: { text: string; masked: string }): { text: string; masked: string } {
  let depth = 0;
  for (let index = 0; index < argumentsText.masked.length; index += 1) {
    const character = argumentsText.masked[index];
    if ('([{'.includes(character!)) depth += 1;
    else if (')]}'.includes(character!)) depth -= 1;
    else if (character === ',' && depth === 0)
      return { text: argumentsText.text.slice(0, index).trim(), masked: argumentsText.masked.slice(0, index).trim() };
  }
  return { text: argumentsText.text.trim(), masked: argumentsText.masked.trim() };
}

/** Whether an offset of the original text is code (not blanked as comment or string content). */
export const isCodeAt = (source: SourceText, offset: number) =>
  source.masked[offset] === source.code[offset] && source.code[offset] !== undefined;

/** Where a Python statement that continues at `from` ends: the first line break outside brackets and strings. */
export function statementEnd(source: SourceText, from: number): number {
  let depth = 0;
  for (let index = from; index < source.masked.length; index += 1) {
    const character = source.masked[index]!;
    if ('([{'.includes(character)) depth += 1;
    else if (')]}'.includes(character)) depth -= 1;
    else if (
      character === '\n' &&
      depth <= 0 &&
      source.masked[index - 1] !== '\\' &&
      !source.strings.some(([start, end]) => start < index && index < end)
    )
      return index;
  }
  return source.masked.length;
}
