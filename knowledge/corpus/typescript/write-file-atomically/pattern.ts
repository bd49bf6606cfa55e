import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for a new file, e.g. 0o600 for secrets. */
  mode?: number;
  /** fsync the data (and the directory) so it survives power loss, not just a process crash. Default true. */
  durable?: boolean;
}

/**
 * Writes `data` to `filePath` atomically: other readers see the old file or the complete new one.
 * Concurrent writers do not interleave; the last rename wins.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const { mode = 0o666, durable = true } = options;
  const directory = path.dirname(filePath);
  // Same directory as the target: rename() is only atomic within one filesystem.
  const tempPath = path.join(directory, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(tempPath, 'wx', mode);
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  if (durable) await syncDirectory(directory);
}

/** Persists the rename itself. Not supported on Windows, where it is skipped. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
