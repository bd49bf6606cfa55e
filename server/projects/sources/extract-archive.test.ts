import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { create as createTar, Header } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.ts';
import { ValidationError } from '../../errors/validation-error.ts';
import { defaultArchiveLimits, extractArchive } from './extract-archive.ts';

let work: string;
let destination: string;
let outside: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kiln-extract-'));
  destination = path.join(work, 'nested', 'destination');
  outside = path.join(work, 'nested');
  await mkdir(destination, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

interface ZipEntry {
  name: string;
  body?: string | Buffer;
  mode?: number;
  directory?: boolean;
}

/** A real zip built by yazl; `rename` then swaps equal-length names in the bytes, for names yazl refuses to write. */
async function zip(entries: ZipEntry[], rename: Record<string, string> = {}): Promise<string> {
  const archive = new yazl.ZipFile();
  for (const entry of entries) {
    if (entry.directory) archive.addEmptyDirectory(entry.name);
    else
      archive.addBuffer(Buffer.from(entry.body ?? ''), entry.name, {
        compressionLevel: 1,
        ...(entry.mode ? { mode: entry.mode } : {}),
      });
  }
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks);
  for (const [from, to] of Object.entries(rename)) bytes = replaceAll(bytes, Buffer.from(from), Buffer.from(to));
  return save('upload.bin', bytes);
}

function replaceAll(bytes: Buffer, from: Buffer, to: Buffer) {
  expect(to.length).toBe(from.length);
  const copy = Buffer.from(bytes);
  let at = copy.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    to.copy(copy, at);
    at = copy.indexOf(from, at + 1);
  }
  return copy;
}

interface TarEntry {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'FIFO' | 'CharacterDevice';
  body?: string | Buffer;
  linkpath?: string;
}

/** A tar written header by header, so that it may hold entries `tar.create` would never write. */
function rawTar(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = new Header({
      path: entry.path,
      type: entry.type ?? 'File',
      size: body.length,
      mode: entry.type === 'Directory' ? 0o755 : 0o644,
      mtime: new Date(0),
      linkpath: entry.linkpath ?? '',
    });
    const block = Buffer.alloc(512);
    header.encode(block);
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const save = async (name: string, bytes: Buffer) => {
  const file = path.join(work, name);
  await writeFile(file, bytes);
  return file;
};

/** Every path under `directory`, relative, sorted; directories end with '/'. */
async function tree(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => {
      const relative = path.relative(directory, path.join(entry.parentPath, entry.name));
      return entry.isDirectory() ? `${relative}/` : relative;
    })
    .sort();
}

const small = { maxEntries: 100, maxTotalBytes: 1024 * 1024, maxFileBytes: 64 * 1024 };

describe('extractArchive', () => {
  it('unpacks a zip with a GitHub-style top folder, keeping its paths', async () => {
    const archive = await zip([
      { name: 'repo-main/', directory: true },
      { name: 'repo-main/README.md', body: '# Hello' },
      { name: 'repo-main/src/index.ts', body: 'export const answer = 42;\n' },
      { name: 'repo-main/empty/', directory: true },
      { name: 'repo-main/..not-a-parent', body: '' },
    ]);

    const result = await extractArchive(archive, destination);

    expect(result).toEqual({ format: 'zip', files: 3, bytes: 33, skipped: [] });
    expect(await tree(destination)).toEqual([
      'repo-main/',
      'repo-main/..not-a-parent',
      'repo-main/README.md',
      'repo-main/empty/',
      'repo-main/src/',
      'repo-main/src/index.ts',
    ]);
    expect(await readFile(path.join(destination, 'repo-main/src/index.ts'), 'utf8')).toBe(
      'export const answer = 42;\n',
    );
  });

  it('unpacks a tar.gz made by tar from a real folder, "./" entries included', async () => {
    const source = path.join(work, 'source');
    await mkdir(path.join(source, 'lib'), { recursive: true });
    await writeFile(path.join(source, 'package.json'), '{"name":"demo"}');
    await writeFile(path.join(source, 'lib', 'main.js'), 'console.log(1);');
    const archive = path.join(work, 'upload.tgz');
    await createTar({ gzip: true, file: archive, cwd: source }, ['.']);

    const result = await extractArchive(archive, destination);

    expect(result).toMatchObject({ format: 'tar.gz', files: 2, bytes: 30, skipped: [] });
    expect(await tree(destination)).toEqual(['lib/', 'lib/main.js', 'package.json']);
    expect(await readFile(path.join(destination, 'package.json'), 'utf8')).toBe('{"name":"demo"}');
  });

  it('unpacks a plain tar, told apart by its header rather than its name', async () => {
    const archive = await save('upload.zip', rawTar([{ path: 'notes.txt', body: 'plain tar' }]));

    const result = await extractArchive(archive, destination);

    expect(result).toMatchObject({ format: 'tar', files: 1, bytes: 9 });
    expect(await readFile(path.join(destination, 'notes.txt'), 'utf8')).toBe('plain tar');
  });

  it('refuses a file that is not an archive, whatever its name', async () => {
    const archive = await save('upload.zip', Buffer.from('just some text, not a zip'));

    await expect(extractArchive(archive, destination)).rejects.toThrow(
      new ValidationError('The upload is not a .zip or .tar.gz archive.'),
    );
  });

  it.each([
    ['a zip-slip "../evil"', { 'AA/evil.txt': '../evil.txt' }, '../evil.txt'],
    ['an absolute path', { 'Xtmp/kiln-evil.txt': '/tmp/kiln-evil.txt' }, '/tmp/kiln-evil.txt'],
    ['a Windows backslash traversal', { 'AAXevil.txt': '..\\evil.txt' }, '../evil.txt'],
    ['a Windows drive letter', { 'C_/evil.txt': 'C:/evil.txt' }, 'C:/evil.txt'],
  ])('refuses the whole zip for %s, leaving the destination empty', async (_case, rename, shown) => {
    const [placeholder] = Object.keys(rename);
    const archive = await zip(
      [
        { name: 'good.txt', body: 'written first' },
        { name: placeholder!, body: 'owned' },
      ],
      rename,
    );

    const refusal = extractArchive(archive, destination);

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(`the entry "${shown}" points outside its folder`);
    expect(await readdir(destination)).toEqual([]);
    expect(await readdir(outside)).toEqual(['destination']);
  });

  it.each([
    ['"../evil"', 'dir/../../evil.txt'],
    ['an absolute path', '/tmp/kiln-evil.txt'],
    ['a backslash traversal', '..\\evil.txt'],
  ])('refuses the whole tar.gz for %s', async (_case, name) => {
    const archive = await save(
      'upload.tgz',
      gzipSync(
        rawTar([
          { path: 'good.txt', body: 'written first' },
          { path: name, body: 'owned' },
        ]),
      ),
    );

    await expect(extractArchive(archive, destination)).rejects.toThrow(/points outside its folder/);
    expect(await readdir(destination)).toEqual([]);
    expect(await readdir(outside)).toEqual(['destination']);
  });

  it('skips a zip symlink to /etc/passwd and never follows it', async () => {
    const archive = await zip([
      { name: 'passwd', body: '/etc/passwd', mode: 0o120777 },
      { name: 'etc', body: '/etc', mode: 0o120777 },
      { name: 'readme.txt', body: 'hi' },
    ]);

    const result = await extractArchive(archive, destination);

    expect(result.skipped).toEqual([
      { path: 'passwd', reason: 'link' },
      { path: 'etc', reason: 'link' },
    ]);
    expect(await tree(destination)).toEqual(['readme.txt']);
  });

  it('skips tar symlinks, hard links and devices; a file under a skipped link lands inside', async () => {
    const archive = await save(
      'upload.tar',
      rawTar([
        { path: 'etc', type: 'SymbolicLink', linkpath: '/etc' },
        { path: 'etc/kiln-evil', body: 'must stay inside' },
        { path: 'shadow', type: 'Link', linkpath: '/etc/passwd' },
        { path: 'pipe', type: 'FIFO' },
        { path: 'null', type: 'CharacterDevice' },
      ]),
    );

    const result = await extractArchive(archive, destination);

    expect(result.skipped).toEqual([
      { path: 'etc', reason: 'link' },
      { path: 'shadow', reason: 'link' },
      { path: 'pipe', reason: 'special file' },
      { path: 'null', reason: 'special file' },
    ]);
    expect(await tree(destination)).toEqual(['etc/', 'etc/kiln-evil']);
    expect((await stat(path.join(destination, 'etc'))).isDirectory()).toBe(true);
    await expect(stat('/etc/kiln-evil')).rejects.toThrow();
  });

  it('refuses an archive with more entries than allowed', async () => {
    const entries = Array.from({ length: 12 }, (_, index) => ({ name: `file-${index}.txt`, body: 'x' }));
    const archive = await zip(entries);

    const refusal = extractArchive(archive, destination, { ...small, maxEntries: 10 });

    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(refusal).rejects.toThrow('The archive holds more than 10 entries.');
    expect(await readdir(destination)).toEqual([]);
  });

  it('names the default limits the way a user reads them', async () => {
    const entries = Array.from({ length: 3 }, (_, index) => ({ path: `f${index}`, body: 'x' }));
    const archive = await save('upload.tar', rawTar(entries));

    await expect(extractArchive(archive, destination, { ...defaultArchiveLimits, maxEntries: 2 })).rejects.toThrow(
      'more than 2 entries',
    );
    expect(defaultArchiveLimits).toEqual({ maxEntries: 20_000, maxTotalBytes: 209_715_200, maxFileBytes: 5_242_880 });
  });

  it('stops a zip bomb at the total limit and leaves nothing behind', async () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024);
    const archive = await zip([
      { name: 'a.txt', body: 'before the bomb' },
      { name: 'bomb.bin', body: zeros },
    ]);
    expect((await stat(archive)).size).toBeLessThan(64 * 1024);

    const refusal = extractArchive(archive, destination, { ...small, maxFileBytes: 10 * 1024 * 1024 });

    await expect(refusal).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(refusal).rejects.toThrow('The archive unpacks to more than 1 MiB.');
    expect(await readdir(destination)).toEqual([]);
  });

  it('stops a tar.gz bomb at the total limit', async () => {
    const archive = await save(
      'bomb.tgz',
      gzipSync(rawTar([{ path: 'bomb.bin', body: Buffer.alloc(5 * 1024 * 1024) }])),
    );

    await expect(extractArchive(archive, destination, { ...small, maxFileBytes: 10 * 1024 * 1024 })).rejects.toThrow(
      'The archive unpacks to more than 1 MiB.',
    );
    expect(await readdir(destination)).toEqual([]);
  });

  it('stops a 300 MiB tar.gz bomb at the default 200 MiB without writing it', async () => {
    const size = 300 * 1024 * 1024;
    const header = Buffer.alloc(512);
    new Header({ path: 'bomb.bin', type: 'File', size, mode: 0o644, mtime: new Date(0) }).encode(header);
    async function* tarOfZeros() {
      yield header;
      const chunk = Buffer.alloc(1024 * 1024);
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
      yield Buffer.alloc(1024);
    }
    const archive = path.join(work, 'bomb.tgz');
    await pipeline(tarOfZeros(), createGzip({ level: 1 }), createWriteStream(archive));
    expect((await stat(archive)).size).toBeLessThan(2 * 1024 * 1024);

    await expect(extractArchive(archive, destination)).rejects.toThrow('The archive unpacks to more than 200 MiB.');
    expect(await readdir(destination)).toEqual([]);
  });

  it('counts bytes as they stream, not what a zip entry declares', async () => {
    const archive = await zip([{ name: 'liar.bin', body: Buffer.alloc(2 * 1024 * 1024) }]);
    // Declare 1,024 bytes in the central directory (what yauzl reads) for 2 MiB of data.
    const bytes = await readFile(archive);
    bytes.writeUInt32LE(1024, bytes.indexOf('PK\x01\x02', 0, 'latin1') + 24);
    const liar = await save('liar.zip', bytes);

    await expect(extractArchive(liar, destination, small)).rejects.toBeInstanceOf(ValidationError);
    expect(await readdir(destination)).toEqual([]);
  });

  it('skips single files over the per-file limit, in zip and tar alike', async () => {
    const big = Buffer.alloc(small.maxFileBytes + 1, 'a');
    const zipArchive = await zip([
      { name: 'big.txt', body: big },
      { name: 'ok.txt', body: 'fine' },
    ]);
    const tarArchive = await save(
      'upload.tgz',
      gzipSync(
        rawTar([
          { path: 'big.txt', body: big },
          { path: 'ok.txt', body: 'fine' },
        ]),
      ),
    );

    for (const archive of [zipArchive, tarArchive]) {
      await rm(destination, { recursive: true });
      await mkdir(destination);
      const result = await extractArchive(archive, destination, small);
      expect(result).toMatchObject({ files: 1, bytes: 4, skipped: [{ path: 'big.txt', reason: 'too large' }] });
      expect(await tree(destination)).toEqual(['ok.txt']);
    }
  });

  it('skips encrypted zip entries', async () => {
    const archive = await zip([
      { name: 'secret.txt', body: 'hidden' },
      { name: 'open.txt', body: 'visible' },
    ]);
    const bytes = await readFile(archive);
    // Set bit 0 (encrypted) of the general purpose flags of the first entry, in its local and central headers.
    bytes[bytes.indexOf('PK\x03\x04', 0, 'latin1') + 6]! |= 1;
    bytes[bytes.indexOf('PK\x01\x02', 0, 'latin1') + 8]! |= 1;
    await writeFile(archive, bytes);

    const result = await extractArchive(archive, destination);

    expect(result.skipped).toEqual([{ path: 'secret.txt', reason: 'encrypted' }]);
    expect(await tree(destination)).toEqual(['open.txt']);
  });

  it('reports a truncated zip as damaged', async () => {
    const archive = await zip([{ name: 'a.txt', body: 'x'.repeat(5000) }]);
    const bytes = await readFile(archive);
    await writeFile(archive, bytes.subarray(0, bytes.length / 2));

    await expect(extractArchive(archive, destination)).rejects.toThrow(/^The archive is damaged: /);
    expect(await readdir(destination)).toEqual([]);
  });

  it.each([
    ['tar.gz', (tar: Buffer) => gzipSync(tar).subarray(0, 2000)],
    ['tar', (tar: Buffer) => tar.subarray(0, 512 + 6000)],
  ])('reports a truncated %s as damaged and removes what it wrote', async (_format, truncate) => {
    const random = randomBytes(20_000);
    const tar = rawTar([
      { path: 'first.txt', body: 'complete' },
      { path: 'second.bin', body: random },
    ]);
    const archive = await save('cut.bin', truncate(tar));

    const refusal = extractArchive(archive, destination);

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(/^The archive is damaged: /);
    expect(await readdir(destination)).toEqual([]);
  });

  it('reports a gzip that holds no tar as damaged', async () => {
    const archive = await save('upload.tgz', gzipSync(Buffer.from('x'.repeat(2000))));

    await expect(extractArchive(archive, destination)).rejects.toThrow(
      'The archive is damaged: its contents are not valid tar data.',
    );
  });

  it('keeps the first of a file and a directory that want the same path', async () => {
    const archive = await save(
      'upload.tar',
      rawTar([
        { path: 'name', body: 'a file' },
        { path: 'name/inside.txt', body: 'cannot live under a file' },
      ]),
    );

    const result = await extractArchive(archive, destination);

    expect(result.skipped).toEqual([{ path: 'name/inside.txt', reason: 'conflicting path' }]);
    expect(await readFile(path.join(destination, 'name'), 'utf8')).toBe('a file');
  });

  it('refuses to work in a destination that is not empty, since it empties it on failure', async () => {
    await writeFile(path.join(destination, 'keep.txt'), 'precious');
    const archive = await zip([{ name: 'a.txt', body: 'x' }]);

    await expect(extractArchive(archive, destination)).rejects.toThrow(/empty destination/);
    expect(await readFile(path.join(destination, 'keep.txt'), 'utf8')).toBe('precious');
  });
});
