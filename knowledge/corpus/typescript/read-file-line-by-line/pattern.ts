import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/**
 * Yields the lines of a file (or any text stream) without their line endings. "\r\n" counts as one break
 * (crlfDelay: Infinity), and a last line without a trailing newline is still yielded. A missing file
 * rejects the loop with ENOENT.
 */
export async function* readLines(source: string | Readable): AsyncGenerator<string, void, undefined> {
  const input = typeof source === 'string' ? createReadStream(source, { encoding: 'utf8' }) : source;
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* lines;
  } finally {
    // Closing readline does not close its input: a `break` in the caller's loop would leak the fd.
    lines.close();
    input.destroy();
  }
}

/** Example: scan a log for matches, stopping early once `limit` are found. */
export async function findLines(path: string, pattern: RegExp, limit = Infinity): Promise<{ line: number; text: string }[]> {
  const found: { line: number; text: string }[] = [];
  let line = 0;
  for await (const text of readLines(path)) {
    line++;
    if (!pattern.test(text)) continue;
    found.push({ line, text });
    if (found.length >= limit) break;
  }
  return found;
}
