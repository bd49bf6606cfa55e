import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export interface DownloadOptions {
  /** Abort if the body is larger than this many bytes (checked against Content-Length and while streaming). */
  maxBytes?: number;
  signal?: AbortSignal;
  headers?: RequestInit['headers'];
}

/** Downloads `url` to `destination`; resolves with the number of bytes written. */
export async function downloadToFile(url: string | URL, destination: string, options: DownloadOptions = {}): Promise<number> {
  const { maxBytes = Infinity, signal, headers } = options;
  const res = await fetch(url, { signal, headers });
  if (!res.ok || !res.body) {
    await res.body?.cancel(); // free the connection
    throw new Error(`Download of ${url} failed: HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new Error(`Download of ${url} is ${declared} bytes, over the ${maxBytes} byte limit`);
  }

  let bytes = 0;
  const temp = `${destination}.download`;
  try {
    await pipeline(
      // The global (DOM) and node:stream/web ReadableStream types differ only on paper.
      Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          // Content-Length can be missing or wrong, so count as well.
          if (bytes > maxBytes) throw new Error(`Download of ${url} exceeded the ${maxBytes} byte limit`);
          yield chunk;
        }
      },
      createWriteStream(temp),
      { signal },
    );
    await rename(temp, destination); // only a complete download gets the real name
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return bytes;
}
