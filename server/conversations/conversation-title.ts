export const defaultConversationTitle = 'New chat';

/**
 * A title from the first message, when no model is there to write one: its
 * first meaningful line, without Markdown or code, cut at a word near 60 characters.
 */
export function titleFromMessage(content: string): string {
  const withoutCode = content.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`([^`]*)`/g, '$1');
  const line =
    withoutCode
      .split('\n')
      .map((text) =>
        text
          .replace(/^[#>*\-\s\d.]+/, '')
          .replace(/[*_~[\]]/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .find((text) => text.length > 0) ?? '';
  if (!line) return 'Code snippet';
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
