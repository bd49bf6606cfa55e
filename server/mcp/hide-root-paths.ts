import path from 'node:path';

/**
 * `text` with the absolute path of each root replaced by the root's own name, so that what users see
 * never reveals where Kiln keeps its files: `/root/.kiln/workspace/notes.md` becomes `workspace/notes.md`,
 * and `… not in /root/.kiln/workspace` becomes `… not in workspace`. The longest root is replaced first (a
 * root inside another keeps its own name); a root that only starts a longer name (`workspace2`) is left alone.
 */
export function hideRootPaths(text: string, roots: readonly string[]): string {
  const absolute = roots
    .map((root) => root.replace(/[\\/]+$/, ''))
    .filter((root) => root && path.isAbsolute(root))
    .sort((first, second) => second.length - first.length);
  let hidden = text;
  for (const root of absolute) {
    const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    hidden = hidden.replace(new RegExp(`${escaped}(?![A-Za-z0-9_-])`, 'g'), path.basename(root));
  }
  return hidden;
}
