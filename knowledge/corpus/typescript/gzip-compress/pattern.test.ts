import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipBuffer, gunzipFile, gzipBuffer, gzipFile, isGzip } from './pattern.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gzip-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = 'the quick brown fox jumps over the lazy dog\n'.repeat(5_000);

describe('buffers', () => {
  it('round-trips and shrinks repetitive data', async () => {
    const compressed = await gzipBuffer(text);
    expect(isGzip(compressed)).toBe(true);
    expect(compressed.length).toBeLessThan(text.length / 20);
    expect((await gunzipBuffer(compressed)).toString()).toBe(text);
  });

  it('rejects data that is not gzip, and truncated gzip', async () => {
    expect(isGzip(Buffer.from('plain'))).toBe(false);
    await expect(gunzipBuffer(Buffer.from('plain text'))).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
    const compressed = await gzipBuffer(text);
    await expect(gunzipBuffer(compressed.subarray(0, compressed.length / 2))).rejects.toThrow(/unexpected end of file/);
  });
});

describe('files', () => {
  it('compresses to .gz and decompresses back', async () => {
    const source = path.join(dir, 'access.log');
    await writeFile(source, text);
    const gz = await gzipFile(source);
    expect(gz).toBe(`${source}.gz`);
    expect((await stat(gz)).size).toBeLessThan(text.length / 20);
    expect(isGzip(await readFile(gz))).toBe(true);

    await rm(source);
    expect(await gunzipFile(gz)).toBe(source);
    expect(await readFile(source, 'utf8')).toBe(text);
  });

  it('leaves no partial output when decompression fails', async () => {
    const bad = path.join(dir, 'bad.gz');
    await writeFile(bad, 'not gzip at all');
    await expect(gunzipFile(bad)).rejects.toMatchObject({ code: 'Z_DATA_ERROR' });
    expect(await readdir(dir)).toEqual(['bad.gz']);
  });

  it('refuses to overwrite its input', async () => {
    await expect(gunzipFile(path.join(dir, 'data.bin'))).rejects.toThrow(/Refusing/);
  });
});
