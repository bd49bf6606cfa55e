import { opendir } from 'node:fs/promises';
import path from 'node:path';

export interface WalkOptions {
  /** Directory names not to descend into. */
  skip?: ReadonlySet<string>;
  /** Only yield files for which this returns true (receives the path). */
  filter?: (filePath: string) => boolean;
}

export const defaultSkip: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * Yields the paths of regular files under `root` (depth-first, joined onto `root`). Symlinks are neither
 * followed nor yielded. Directory order is whatever the filesystem returns: sort if you need stability.
 */
export async function* walk(root: string, options: WalkOptions = {}): AsyncGenerator<string, void, undefined> {
  const { skip = defaultSkip, filter } = options;
  // opendir streams entries, so huge directories are not loaded into memory at once.
  for await (const entry of await opendir(root)) {
    const entryPath = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) yield* walk(entryPath, options);
    } else if (entry.isFile() && (!filter || filter(entryPath))) {
      yield entryPath;
    }
  }
}

/** Convenience: all matching files, relative to `root`, with forward slashes, sorted. */
export async function listFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const files: string[] = [];
  for await (const file of walk(root, options)) files.push(path.relative(root, file).split(path.sep).join('/'));
  return files.sort();
}
