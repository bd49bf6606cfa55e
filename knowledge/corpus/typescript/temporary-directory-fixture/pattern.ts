import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempDir {
  /** Absolute, symlink-free path of the new, empty directory. */
  path: string;
  /** Joins segments onto the directory. */
  resolve(...segments: string[]): string;
  /** Writes files from a { "relative/path": contents } map, creating folders as needed. */
  write(files: Record<string, string | Uint8Array>): Promise<void>;
  /** Deletes the directory and everything in it. Safe to call twice. */
  remove(): Promise<void>;
}

export async function createTempDir(prefix = 'test-'): Promise<TempDir> {
  // realpath: on macOS os.tmpdir() is /var/..., a symlink to /private/var/..., and tools report the latter.
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  const resolve = (...segments: string[]) => {
    const full = path.resolve(dir, ...segments);
    if (full !== dir && !full.startsWith(dir + path.sep)) throw new Error(`${segments.join('/')} escapes the temp dir`);
    return full;
  };
  return {
    path: dir,
    resolve,
    async write(files) {
      for (const [relative, contents] of Object.entries(files)) {
        const file = resolve(relative);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, contents);
      }
    },
    // maxRetries: on Windows, files still held open by a just-closed process fail with EBUSY for a moment.
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** Runs `fn` with a fresh temp dir and removes it afterwards, whether `fn` resolves or throws. */
export async function withTempDir<T>(fn: (dir: TempDir) => Promise<T>, prefix?: string): Promise<T> {
  const dir = await createTempDir(prefix);
  try {
    return await fn(dir);
  } finally {
    await dir.remove();
  }
}
