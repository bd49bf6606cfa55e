/**
 * What a project's Markdown says about its functions, by name: the API lists
 * libraries keep in a README or docs folder, such as
 *
 *     * `inc(v, releaseType)`: Return the version incremented by the release type …
 *     ### parseConfig(path)
 *     Reads the file and …
 *
 * Ingest gives these words to a function that has no doc comment of its own,
 * which for small helpers is often the only description there is. Keys are the
 * name as written (`semver.inc`) and its last part (`inc`); the first mention wins.
 */
export function apiMentions(markdown: string): Map<string, string> {
  const mentions = new Map<string, string>();
  const lines = markdown.split('\n');
  const add = (name: string, words: string[]) => {
    const text = words.join(' ').replace(/\s+/g, ' ').trim().slice(0, 600);
    if (text.length < 10) return;
    for (const key of new Set([name, name.split('.').at(-1)!])) if (!mentions.has(key)) mentions.set(key, text);
  };
  const isBullet = (line: string) => /^\s*[-*+]\s/.test(line);
  const isHeading = (line: string) => /^#{1,6}\s/.test(line);
  for (let index = 0; index < lines.length; index += 1) {
    const bullet =
      /^\s*[-*+]\s+`([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\([^`]*\)`\s*(?:[:\u2013\u2014-]\s*)?(.*)$/.exec(
        lines[index]!,
      );
    if (bullet) {
      const words = [bullet[2]!];
      // The description may go on over the next lines, up to a blank line, another item or a heading.
      for (
        let next = index + 1;
        next < lines.length && lines[next]!.trim() && !isBullet(lines[next]!) && !isHeading(lines[next]!);
        next += 1
      ) {
        words.push(lines[next]!.trim());
      }
      add(bullet[1]!, words);
      continue;
    }
    const heading = /^#{2,6}\s+`?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\([^)]*\)`?\s*$/.exec(lines[index]!);
    if (heading) {
      let next = index + 1;
      while (next < lines.length && !lines[next]!.trim()) next += 1;
      const words: string[] = [];
      for (
        ;
        next < lines.length && lines[next]!.trim() && !isHeading(lines[next]!) && !lines[next]!.startsWith('```');
        next += 1
      )
        words.push(lines[next]!.trim());
      add(heading[1]!, words);
    }
  }
  return mentions;
}
