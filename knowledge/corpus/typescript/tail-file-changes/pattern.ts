import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as delay } from 'node:timers/promises';

export interface TailOptions {
  /** Where to begin: existing lines from the 'start', only new ones from the 'end' (default), or a byte offset. */
  from?: 'start' | 'end' | number;
  intervalMs?: number;
  /** Ends the loop (without an error) when aborted. */
  signal?: AbortSignal;
}

/** Yields complete lines appended to `filePath`. A missing file is waited for, not an error. */
export async function* tailFile(filePath: string, options: TailOptions = {}): AsyncGenerator<string, void, undefined> {
  const { from = 'end', intervalMs = 250, signal } = options;
  const current = async () => stat(filePath).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const initial = await current();
  let offset = from === 'start' ? 0 : from === 'end' ? (initial?.size ?? 0) : from;
  let inode = initial?.ino;
  let decoder = new StringDecoder('utf8');
  let partial = '';

  while (!signal?.aborted) {
    const info = await current();
    if (info && (info.ino !== inode || info.size < offset)) {
      // Rotated (a new file under the same name) or truncated: read the new contents from the top.
      inode = info.ino;
      offset = 0;
      partial = '';
      decoder = new StringDecoder('utf8');
    }
    if (info && info.size > offset) {
      const handle = await open(filePath, 'r');
      try {
        const buffer = Buffer.alloc(64 * 1024);
        while (offset < info.size) {
          const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, info.size - offset), offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
          const lines = (partial + decoder.write(buffer.subarray(0, bytesRead))).split(/\r?\n/);
          partial = lines.pop() ?? ''; // no newline yet: the writer may still be mid-line
          yield* lines;
        }
      } finally {
        await handle.close();
      }
    }
    try {
      await delay(intervalMs, undefined, { signal });
    } catch {
      return; // aborted
    }
  }
}
