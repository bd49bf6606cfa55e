import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { ZipWriter } from './zip-writer.ts';

/** CRC-32 (IEEE), bit by bit: slow, and independent of the writer's way of getting it from zlib. */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface ReadEntry {
  name: string;
  content: Buffer;
  crc: number;
  modified: Date;
  method: number;
}

/** The archive's bytes, read as a client would. */
async function bytesOf(zip: ZipWriter): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    zip.output,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** Every entry of a ZIP, read with yauzl (a reader that is not ours), and the count its end records give. */
async function entriesOf(bytes: Buffer, withContent = true): Promise<{ count: number; entries: ReadEntry[] }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, strictFileNames: true }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const entries: ReadEntry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const base = {
        name: entry.fileName,
        crc: entry.crc32,
        modified: entry.getLastModDate({ forceDosFormat: true, timezone: 'UTC' }),
        method: entry.compressionMethod,
      };
      if (!withContent) {
        entries.push({ ...base, content: Buffer.alloc(0) });
        return zip.readEntry();
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ ...base, content: Buffer.concat(chunks) });
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { count: zip.entryCount, entries };
}

describe('ZipWriter', () => {
  it('writes files another reader opens: names in UTF-8, content, CRC-32 and time as written', async () => {
    const zip = new ZipWriter();
    const modified = new Date('2026-12-05T14:03:58Z');
    const files = {
      'conversations/2026-12-05-débounce-検索.md': '# Débounce ✨\n\n```ts\nconst x = 1;\n```\n'.repeat(500),
      'conversations/empty.json': '',
      'manifest.json': Buffer.from(JSON.stringify({ counts: { conversations: 2 } })),
    };
    const written = (async () => {
      for (const [name, content] of Object.entries(files)) await zip.add(name, content, modified);
      await zip.finish();
    })();
    const bytes = await bytesOf(zip);
    await written;

    const { count, entries } = await entriesOf(bytes);
    expect(count).toBe(3);
    expect(entries.map((entry) => entry.name)).toEqual(Object.keys(files));
    for (const entry of entries) {
      const expected = Buffer.from(files[entry.name as keyof typeof files]);
      expect(entry.content.equals(expected)).toBe(true);
      expect(entry.crc).toBe(crc32(expected));
      expect(entry.method).toBe(8);
      // DOS times have two-second steps.
      expect(entry.modified.toISOString()).toBe('2026-12-05T14:03:58.000Z');
    }
    // Compressed: the repeated Markdown takes a fraction of its size.
    expect(bytes.length).toBeLessThan(files['conversations/2026-12-05-débounce-検索.md'].length / 5);
  });

  it('adds ZIP64 end records past 65,535 files, so every file is listed', async () => {
    const zip = new ZipWriter(1);
    const total = 65_540;
    const written = (async () => {
      for (let index = 0; index < total; index += 1) await zip.add(`f/${index}`, '', new Date(0));
      await zip.finish();
    })();
    const bytes = await bytesOf(zip);
    await written;

    const { count, entries } = await entriesOf(bytes, false);
    expect(count).toBe(total);
    expect(entries).toHaveLength(total);
    expect(entries.at(-1)!.name).toBe(`f/${total - 1}`);
    // Before 1980 a ZIP cannot say: 1980-01-01.
    expect(entries[0]!.modified.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  }, 120_000);

  it('waits for its reader: a file is not taken while the output is full', async () => {
    const zip = new ZipWriter();
    // Barely compressible, so its compressed bytes are well over the output's 16 KiB buffer.
    const big = Buffer.from(Array.from({ length: 50_000 }, (_, index) => (index * 7919).toString(36)).join(''));
    let taken = false;
    const added = zip.add('one', big, new Date()).then(() => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(taken).toBe(false);

    zip.output.resume();
    await added;
    expect(taken).toBe(true);
  });

  it('rejects further files once its reader went away, and ends nothing half-written', async () => {
    const zip = new ZipWriter();
    zip.output.destroy();

    await expect(zip.add('one', 'x', new Date())).rejects.toThrow('went away');
  });
});
