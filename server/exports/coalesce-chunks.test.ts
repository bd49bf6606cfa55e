import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coalesceChunks } from './coalesce-chunks.ts';

/** The chunks as written ('data' events; an async iterator would join what is buffered). */
function chunksOf(readable: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  readable.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    readable.on('end', () => resolve(chunks));
    readable.on('error', reject);
  });
}

describe('coalesceChunks', () => {
  it('joins small chunks into chunks of at least the size, keeping every byte in order', async () => {
    const input = Array.from({ length: 25 }, (_, index) => Buffer.from(`chunk ${index};`));
    const chunks = await chunksOf(Readable.from(input).pipe(coalesceChunks(40)));

    expect(Buffer.concat(chunks).toString()).toBe(Buffer.concat(input).toString());
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 40)).toBe(true);
    expect(chunks.length).toBeLessThan(input.length / 3);
  });

  it('passes a large chunk on at once and ends with what is left', async () => {
    const chunks = await chunksOf(Readable.from([Buffer.alloc(100, 1), Buffer.from('tail')]).pipe(coalesceChunks(40)));

    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 4]);
  });

  it('writes nothing for an empty stream', async () => {
    expect(await chunksOf(Readable.from([]).pipe(coalesceChunks(40)))).toEqual([]);
  });
});
