/**
 * A Slack message's text as the user meant it, for Kiln: the bot's own mention removed, other mentions and
 * channels as `@name`/`#name`, links as their URL (with the label when it differs), and Slack's three escapes
 * (`&amp;`, `&lt;`, `&gt;`) undone — so code pasted into Slack reaches the agents as written. NUL characters,
 * which Postgres cannot store, are dropped.
 */
export function messageTextOf(text: string, botUserId: string | undefined): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
      if (target.startsWith('@')) return botUserId && target === `@${botUserId}` ? '' : `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`;
      return label && label !== target && !target.endsWith(label) ? `${label} (${target})` : target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replaceAll('\u0000', '')
    .trim();
}

/** Whether a message mentions the bot (an `app_mention` event then carries it; the plain message is not taken twice). */
export function mentions(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}>`);
}
