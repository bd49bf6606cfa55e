import type { CheckedLanguage } from './checked-language.ts';

/**
 * Code as text rules read it. `masked` has the same length and line breaks as
 * `code`, with comments blanked and, where the language's rules want it, the
 * insides of string literals blanked too (quotes kept): a pattern matched in
 * `masked` is real code, and `code` at the same offsets has the original text.
 */
export interface SourceText {
  code: string;
  masked: string;
  /** Where string literals are, as [start, end) offsets including their quotes (Python and shell). */
  strings: [number, number][];
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

export function sourceText(code: string, language: CheckedLanguage): SourceText {
  const lineStarts = [0];
  for (let index = 0; index < code.length; index += 1) if (code[index] === '\n') lineStarts.push(index + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  return { code, ...mask(code, language), lineOf };
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

function mask(code: string, language: CheckedLanguage): Pick<SourceText, 'masked' | 'strings'> {
  switch (language) {
    case 'python':
      return scan(code, { comment: '#', quotes: ['"""', "'''", '"', "'"], blankStrings: true });
    case 'shell':
      // Quoted text is kept (the rules care about quoting); `#` starting a word begins a comment (not `$#`, `${#x}`).
      return scan(code, { comment: '#', quotes: ['"', "'"], blankStrings: false, commentOnlyAfterSpace: true });
    case 'sql':
      return {
        masked: code.replace(/'(?:''|[^'])*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (match) =>
          match.startsWith("'") ? `'${blank(match.slice(1, -1))}'` : blank(match),
        ),
        strings: [],
      };
    case 'svelte':
      return { masked: code.replace(/<!--[\s\S]*?-->/g, blank), strings: [] };
    default:
      return { masked: code, strings: [] };
  }
}

/** One pass over the code: strings (backslash escapes; only triple quotes span lines) and line comments. */
function scan(
  code: string,
  options: { comment: string; quotes: string[]; blankStrings: boolean; commentOnlyAfterSpace?: boolean },
): Pick<SourceText, 'masked' | 'strings'> {
  const strings: [number, number][] = [];
  let masked = '';
  let index = 0;
  while (index < code.length) {
    const character = code[index]!;
    const commentStarts =
      character === options.comment &&
      (!options.commentOnlyAfterSpace || index === 0 || /[\s;]/.test(code[index - 1]!));
    if (commentStarts) {
      const end = code.indexOf('\n', index);
      const stop = end < 0 ? code.length : end;
      masked += blank(code.slice(index, stop));
      index = stop;
      continue;
    }
    const quote = options.quotes.find((candidate) => code.startsWith(candidate, index));
    if (!quote) {
      masked += character;
      index += 1;
      continue;
    }
    const start = index;
    let end = index + quote.length;
    while (end < code.length && !code.startsWith(quote, end) && (quote.length === 3 || code[end] !== '\n'))
      end += code[end] === '\\' ? 2 : 1;
    end = Math.min(end, code.length);
    const closed = code.startsWith(quote, end);
    const body = code.slice(index + quote.length, end);
    masked += quote + (options.blankStrings ? blank(body) : body) + (closed ? quote : '');
    index = closed ? end + quote.length : end;
    strings.push([start, index]);
  }
  return { masked, strings };
}
