import { Readable, Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { mapPipeline, writeAll } from './pattern.ts';

/** A destination that accepts a chunk every millisecond and records its peak buffered length. */
function slowSink(highWaterMark = 16) {
  const received: string[] = [];
  let peak = 0;
  const sink = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      peak = Math.max(peak, sink.writableLength);
      received.push(chunk.toString());
      setTimeout(callback, 1);
    },
  });
  return { sink, received, peak: () => peak };
}

describe('writeAll', () => {
  it('waits for drain so the buffer stays bounded, and delivers everything in order', async () => {
    const { sink, received, peak } = slowSink(16);
    let drains = 0;
    sink.on('drain', () => drains++);
    const chunks = Array.from({ length: 50 }, (_, i) => `chunk-${String(i).padStart(3, '0')}`);
    await writeAll(sink, chunks);
    expect(received).toEqual(chunks);
    expect(drains).toBeGreaterThan(10);
    expect(peak()).toBeLessThanOrEqual(16 + 9); // at most one chunk over the high-water mark
    expect(sink.writableFinished).toBe(true);
  });

  it('rejects when the destination fails instead of hanging', async () => {
    const sink = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, callback) => callback(new Error('disk full')) });
    await expect(writeAll(sink, ['a', 'b', 'c'])).rejects.toThrow('disk full');
  });
});

describe('mapPipeline', () => {
  it('transforms every chunk from source to destination', async () => {
    const { sink, received } = slowSink();
    await mapPipeline(Readable.from(['a', 'b', 'c'].map((s) => Buffer.from(s))), (chunk) => chunk.toString().toUpperCase(), sink);
    expect(received).toEqual(['A', 'B', 'C']);
  });

  it('destroys the source and destination when a stage throws', async () => {
    function* numbers() {
      for (let i = 0; ; i++) yield Buffer.from(String(i));
    }
    const source = Readable.from(numbers());
    const { sink } = slowSink();
    const failOnFive = (chunk: Buffer) => {
      if (chunk.toString() === '5') throw new Error('bad chunk');
      return chunk;
    };
    const run = mapPipeline(source, failOnFive, sink);
    await expect(run).rejects.toThrow('bad chunk');
    expect(source.destroyed).toBe(true);
    expect(sink.destroyed).toBe(true);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const source = new Readable({ read() {} }); // never ends on its own
    const { sink } = slowSink();
    const run = mapPipeline(source, (chunk) => chunk, sink, controller.signal);
    source.push('x');
    await delay(5);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(source.destroyed).toBe(true);
  });
});
