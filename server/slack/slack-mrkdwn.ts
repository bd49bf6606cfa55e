// Markdown (as the model writes it) → Slack mrkdwn, through slackify-markdown plus three repairs the library needs:
// - it lets raw `<…>` through (HTML-looking text such as `<!channel>` would ping a channel, `<@U…>` a person) and
//   escapes `>` only once per text node, so `<` and `>` outside code are shielded before it runs and escaped after;
// - it prints GFM tables as pipe rows that Slack's proportional font cannot align, so tables become code blocks;
// - it nests bold inside a heading's bold (`*\u200b*Step 1:*\u200b do it*`, with zero-width spaces), so `**` is dropped
//   from heading lines.
// Code (fenced and inline) is left byte for byte as written: no escaping, no formatting. A fence left open by a
// partial, still-streaming answer is closed by the library (a fence runs to the end of the document in CommonMark).
import slackifyMarkdown from 'slackify-markdown';

// Control characters that never appear in an answer (any present are dropped); the library keeps them untouched,
// unlike private-use characters, which it deletes.
const LESS_THAN = '\u0001';
const GREATER_THAN = '\u0002';

// A backtick fence's info string cannot hold a backtick: "```x```" at a line start is inline code.
const FENCE_OPEN = /^\s*(`{3,}(?=[^`]*$)|~{3,})/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s/;
// An inline code span: a backtick run, content not crossing a blank line, the same run (CommonMark's rule).
const CODE_SPAN = /(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)/g;
// What `<` and `>` may stay raw in prose: a blockquote marker at line start, and a Markdown autolink.
const ANGLE_BRACKET = /(^[ \t]*(?:>[ \t]*)+)|<(?:https?|mailto):[^\s<>]*>|[<>]/gm;

export function toSlackMrkdwn(markdown: string): string {
  const cleaned = markdown.replaceAll(LESS_THAN, '').replaceAll(GREATER_THAN, '');
  const converted = slackifyMarkdown(prepareOutsideFences(cleaned));
  return converted.replaceAll(LESS_THAN, '&lt;').replaceAll(GREATER_THAN, '&gt;').trimEnd();
}

/** Rewrites the prose between fenced code blocks; fenced code (open to the end, if unterminated) is kept as is. */
function prepareOutsideFences(markdown: string): string {
  const lines = markdown.split('\n');
  const output: string[] = [];
  let prose: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const opener = FENCE_OPEN.exec(lines[index] ?? '');
    if (!opener) {
      prose.push(lines[index] ?? '');
      index += 1;
      continue;
    }
    if (prose.length > 0) output.push(prepareProse(prose));
    prose = [];
    const fence = opener[1] ?? '```';
    const closer = new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`);
    let end = index + 1;
    while (end < lines.length && !closer.test(lines[end] ?? '')) end += 1;
    output.push(lines.slice(index, end + 1).join('\n'));
    index = end + 1;
  }
  if (prose.length > 0) output.push(prepareProse(prose));
  return output.join('\n');
}

function prepareProse(lines: string[]): string {
  const output: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.includes('|') && TABLE_DELIMITER.test(lines[index + 1] ?? '')) {
      let end = index + 2;
      while (end < lines.length && (lines[end] ?? '').includes('|')) end += 1;
      output.push(tableAsCodeBlock(lines.slice(index, end)));
      index = end;
      continue;
    }
    output.push(HEADING.test(line) ? withoutBold(line) : line);
    index += 1;
  }
  return shieldAngleBrackets(output.join('\n'));
}

/** A heading line without `**` (outside inline code): Slack shows the whole heading bold already. */
function withoutBold(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 0 ? part.replaceAll('**', '') : part))
    .join('');
}

/** Replaces `<` and `>` outside inline code with placeholders, so that the library sees neither. */
function shieldAngleBrackets(prose: string): string {
  const codeSpans = [...prose.matchAll(CODE_SPAN)].map((match) => [match.index, match.index + match[0].length]);
  const inCode = (offset: number) => codeSpans.some(([start = 0, end = 0]) => offset >= start && offset < end);
  return prose.replace(ANGLE_BRACKET, (match: string, quoteMarkers: string | undefined, offset: number) => {
    if (quoteMarkers !== undefined || match.length > 1 || inCode(offset)) return match;
    return match === '<' ? LESS_THAN : GREATER_THAN;
  });
}

/** A GFM table as aligned plain text in a code block (kept at the table's indentation, e.g. inside a list item). */
function tableAsCodeBlock(rows: string[]): string {
  const indent = /^\s*/.exec(rows[0] ?? '')?.[0] ?? '';
  const [header = [], , ...body] = rows.map(tableCells);
  const columns = header.length;
  const table = [header, ...body].map((cells) => Array.from({ length: columns }, (_, column) => cells[column] ?? ''));
  const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  const separator = widths.map((width) => '-'.repeat(width)).join('-+-');
  const text = [line(table[0] ?? []), separator, ...table.slice(1).map(line)].map((row) => row.trimEnd());
  return [indent + '```', ...text.map((row) => indent + row), indent + '```'].join('\n');
}

/** A row's cells, split at unescaped pipes, without the inline markup a code block would show literally. */
function tableCells(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) =>
    cell
      .trim()
      .replace(/\\\|/g, '|')
      .replace(/\*\*|__|`/g, ''),
  );
}
