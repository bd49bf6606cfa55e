import { ZipArchive } from 'archiver';
import { describe, expect, it } from 'vitest';
import { batchCentralDirectory } from './batch-central-directory.ts';

/** A ZIP of `count` small files (fixed dates, so two runs give the same bytes), as chunks. */
async function archive(count: number, batched: boolean): Promise<Buffer[]> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  if (batched) batchCentralDirectory(zip);
  const chunks: Buffer[] = [];
  zip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => zip.on('end', resolve).on('error', reject));
  const date = new Date('2026-12-05T14:03:00Z');
  for (let index = 0; index < count; index += 1) {
    zip.append(`file ${index}\n`.repeat(index % 7), { name: `conversations/${index}-é.md`, date });
  }
  await zip.finalize();
  await ended;
  return chunks;
}

describe('batchCentralDirectory', () => {
  it('writes the same bytes as archiver alone, with the central directory in a few large chunks', async () => {
    const plain = await archive(1_500, false);
    const batched = await archive(1_500, true);

    expect(Buffer.concat(batched).equals(Buffer.concat(plain))).toBe(true);
    // Archiver alone writes the directory in 22 pieces per entry; batched, in one chunk per 64 KiB.
    expect(plain.length - batched.length).toBeGreaterThan(1_500 * 15);
  });
});
