import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

/**
 * Writes every chunk, pausing whenever the destination's buffer is full (write() returned false) until it
 * drains, then ends the stream and waits until everything is flushed. Rejects if the stream errors.
 */
export async function writeAll(destination: Writable, chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!destination.write(chunk)) {
      // once() rejects on 'error', so a failing destination cannot leave us waiting forever.
      await once(destination, 'drain');
    }
  }
  destination.end();
  await finished(destination);
}

/**
 * source -> transform each chunk with `map` -> destination. pipeline() pulls only as fast as the destination
 * consumes, and on any error destroys every stream and rejects. Pass a signal to cancel midway.
 */
export async function mapPipeline(
  source: Readable,
  map: (chunk: Buffer) => string | Buffer | Promise<string | Buffer>,
  destination: Writable,
  signal?: AbortSignal,
): Promise<void> {
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield await map(chunk);
    },
    destination,
    { signal },
  );
}
