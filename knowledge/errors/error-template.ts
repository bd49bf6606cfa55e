/**
 * The message template of an error: the message with what varies between two
 * occurrences of the same error (quoted identifiers and values, paths, URLs,
 * addresses, numbers, ids) replaced by placeholders, so `Cannot read properties
 * of undefined (reading 'map')` and `… (reading 'items')` share one template.
 * Pure and deterministic: the indexer and the debug agent must agree on it.
 */
export function errorTemplate(message: string): string {
  let text = message.replace(/\s+/g, ' ').trim();
  for (const [pattern, replacement] of shapes) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  text = text.replace(/\b(?:https?|file|wss?):\/\/[^\s'"`)\]]+/g, '<url>');
  text = text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>');
  // GNU tools quote as `name'; then double quotes (a quoted sentence is kept, its inner quotes are not); then single.
  text = text.replace(/`([^`'\n]*)'/g, (_, content: string) => `\`${placeholderFor(content)}'`);
  text = text.replace(/"([^"\n]*)"/g, (whole, content: string) =>
    isSentence(content) ? whole : `"${placeholderFor(content)}"`,
  );
  text = text.replace(/“([^”\n]*)”/g, (whole, content: string) =>
    isSentence(content) ? whole : `“${placeholderFor(content)}”`,
  );
  // An apostrophe inside a word (can't, don't) opens no quote.
  text = text.replace(/(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])/g, (whole, content: string) =>
    isSentence(content) ? whole : `'${placeholderFor(content)}'`,
  );
  text = text.replace(/‘([^’\n]*)’/g, (_, content: string) => `‘${placeholderFor(content)}’`);
  text = text.replace(/`([^`\n]*)`/g, (_, content: string) => `\`${placeholderFor(content)}\``);
  text = text.replace(addressPattern, '<address>');
  text = text.replace(/(?<![\w<>])(?:[A-Za-z]:\\[^\s'"`,;()<>]+|(?:~|\.{1,2})?\/(?![<\s])[^\s'"`:,;()<>]+)/g, '<path>');
  text = text.replace(
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
    '<date>',
  );
  text = text.replace(/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<id>');
  text = text.replace(/\b0x[0-9a-fA-F]+\b/g, '<hex>');
  text = text.replace(/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/g, '<id>');
  // A number glued to a word (TS2345, utf-8, ERR_5) is part of a name, not a value.
  text = text.replace(/(?<![\w.$-])\d+(?:\.\d+)*(?![\w$])/g, '<n>');
  return text;
}

/**
 * Shapes whose varying part is not quoted: the receiver of "is not a function", the
 * command of "command not found", the variable of "unbound variable", and so on.
 */
const shapes: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/Invalid regular expression: \/.*\/([dgimsuvy]*):/, 'Invalid regular expression: /<pattern>/$1:'],
  [/^.+? could not be cloned\b/, '<value> could not be cloned'],
  // V8 quotes the start of the text it could not parse, quotes and all: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON`.
  [
    /^Unexpected token .+?, ".*"(?:\.\.\.)? is not valid JSON$/,
    `Unexpected token '<value>', "<value>" is not valid JSON`,
  ],
  // `data.items.map is not a function` keeps the member called (`.map`): it says what was expected.
  [
    /^((?:\([^)]*\))?[^\s'"]*) is not (a function|a constructor|iterable|defined)\b/,
    (_, expression: string, what: string) => `${receiver(expression)} is not ${what}`,
  ],
  [/^(?:line \d+: )?\S+: command not found$/, '<command>: command not found'],
  [/^command not found: \S+$/, 'command not found: <command>'],
  [/^\S+: not found$/, '<command>: not found'],
  [/^\S+: unbound variable$/, '<name>: unbound variable'],
  [/\bspawn(Sync)? \S+ (E[A-Z]+)\b/, 'spawn$1 <command> $2'],
  [/^(the following arguments are required): .+$/, '$1: <arguments>'],
  [/^(Command) .+? (returned non-zero exit status)/, '$1 <command> $2'],
  [/^(No module named) (?!['"]).+$/, "$1 '<name>'"],
];

function receiver(expression: string): string {
  const member = /\.([A-Za-z_$][\w$]*)$/.exec(expression.trim());
  return member ? `<object>.${member[1]}` : '<name>';
}

const addressPattern =
  /(?<![\w.:<])(?:(?:\d{1,3}\.){3}\d{1,3}|::1|::ffff:(?:\d{1,3}\.){3}\d{1,3}|::|\[[0-9a-fA-F:.]+\]|localhost)(?::\d{1,5})?(?![\w.])/g;

/** A quoted stretch that reads as prose (words and spaces, longer than a value): its own words are the message. */
function isSentence(content: string): boolean {
  return /\s/.test(content) && content.length > 24;
}

function placeholderFor(content: string): string {
  const text = content.trim();
  if (text === '') return '<value>';
  if (/^(?:https?|file|wss?):\/\//.test(text)) return '<url>';
  if (/^@[\w.-]+\/[\w.-]+$/.test(text)) return '<name>';
  if (/^(?:[A-Za-z]:\\|~\/|\.{1,2}\/|\/)/.test(text) || (/[/\\]/.test(text) && !/\s/.test(text))) return '<path>';
  if (/^[A-Za-z_$][\w$.-]*$/.test(text)) return '<name>';
  return '<value>';
}
