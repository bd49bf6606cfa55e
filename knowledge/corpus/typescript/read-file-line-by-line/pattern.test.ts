import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLines, readLines } from './pattern.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'read-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(source: Parameters<typeof readLines>[0]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(source)) lines.push(line);
  return lines;
}

describe('readLines', () => {
  it('splits on LF and CRLF and keeps a last line without newline', async () => {
    const file = path.join(dir, 'mixed.txt');
    await writeFile(file, 'one\r\ntwo\n\nthree');
    expect(await collect(file)).toEqual(['one', 'two', '', 'three']);
  });

  it('yields nothing for an empty file', async () => {
    const file = path.join(dir, 'empty.txt');
    await writeFile(file, '');
    expect(await collect(file)).toEqual([]);
  });

  it('reassembles lines split across chunks, including multibyte characters', async () => {
    const bytes = Buffer.from('héllo wörld\nsecond ✓\n');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9, 20), bytes.subarray(20)];
    const stream = Readable.from(chunks).setEncoding('utf8');
    expect(await collect(stream)).toEqual(['héllo wörld', 'second ✓']);
  });

  it('rejects with ENOENT for a missing file', async () => {
    await expect(collect(path.join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('closes the file when the loop breaks early', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, 'a\nb\nc\n'.repeat(100_000));
    const stream = createReadStream(file);
    for await (const line of readLines(stream)) if (line === 'b') break;
    expect(stream.destroyed).toBe(true);
  });
});

describe('findLines', () => {
  it('returns matching line numbers and stops at the limit', async () => {
    const file = path.join(dir, 'app.log');
    await writeFile(file, Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 0 ? `ERROR at ${i}` : `ok ${i}`)).join('\n'));
    expect(await findLines(file, /^ERROR/, 2)).toEqual([
      { line: 1, text: 'ERROR at 0' },
      { line: 1001, text: 'ERROR at 1000' },
    ]);
    expect(await findLines(file, /^ERROR/)).toHaveLength(10);
  });
});
