/** A fenced code block longer than any backtick run inside, so the text (kept byte for byte) cannot close it. */
export function fenced(text: string, language = ''): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${fence}${language.replace(/[^\w+#.-]/g, '')}\n${body}${fence}`;
}
