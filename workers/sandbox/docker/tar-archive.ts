import { createReadStream } from 'node:fs';

/** One member of a tar archive: a file (from memory or from a host file of known size), a directory or a symlink. */
export type TarEntry =
  | { type: 'file'; path: string; mode?: number; content: Buffer }
  | { type: 'file'; path: string; mode?: number; hostPath: string; size: number }
  | { type: 'directory'; path: string; mode?: number }
  | { type: 'symlink'; path: string; target: string };

const blockSize = 512;

/**
 * A POSIX tar stream (ustar, with a pax header for names longer than ustar can hold), owned by root, mtime 0 so
 * the same files give the same bytes. A host file whose size changed since it was listed fails the stream rather
 * than writing a corrupt archive.
 */
export async function* tarArchive(entries: Iterable<TarEntry>): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const name = entry.type === 'directory' ? `${trimSlashes(entry.path)}/` : trimSlashes(entry.path);
    const size = entry.type !== 'file' ? 0 : 'content' in entry ? entry.content.length : entry.size;
    const linkTarget = entry.type === 'symlink' ? entry.target : '';
    if (Buffer.byteLength(linkTarget) > 100) throw new Error(`symlink target too long for tar: ${linkTarget}`);
    if (!splitName(name)) yield* paxRecord(name);
    yield header({ name, size, linkTarget, mode: modeOf(entry), typeFlag: typeFlags[entry.type] });
    if (entry.type !== 'file') continue;
    if ('content' in entry) {
      yield entry.content;
    } else {
      let written = 0;
      for await (const chunk of createReadStream(entry.hostPath) as AsyncIterable<Buffer>) {
        written += chunk.length;
        if (written > size) break;
        yield chunk;
      }
      if (written !== size) throw new Error(`${entry.hostPath} changed size while it was archived`);
    }
    yield padding(size);
  }
  yield Buffer.alloc(blockSize * 2);
}

const typeFlags = { file: '0', directory: '5', symlink: '2' } as const;

function modeOf(entry: TarEntry) {
  if (entry.type === 'symlink') return 0o777;
  return entry.mode ?? (entry.type === 'directory' ? 0o755 : 0o644);
}

function trimSlashes(path: string) {
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** ustar keeps up to 155 bytes of directories in `prefix` and 100 of the rest in `name`. */
function splitName(name: string): { prefix: string; rest: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', rest: name };
  for (let index = name.indexOf('/'); index !== -1; index = name.indexOf('/', index + 1)) {
    const prefix = name.slice(0, index);
    const rest = name.slice(index + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest) return { prefix, rest };
  }
  return undefined;
}

function* paxRecord(name: string) {
  const field = Buffer.byteLength(` path=${name}\n`);
  // The record's length counts its own digits.
  let length = field;
  while (String(length).length + field !== length) length = String(length).length + field;
  const body = Buffer.from(`${length} path=${name}\n`);
  yield header({ name: 'PaxHeader', size: body.length, linkTarget: '', mode: 0o644, typeFlag: 'x' });
  yield body;
  yield padding(body.length);
}

function header(fields: { name: string; size: number; linkTarget: string; mode: number; typeFlag: string }) {
  const block = Buffer.alloc(blockSize);
  const { prefix, rest } = splitName(fields.name) ?? { prefix: '', rest: fields.name.slice(-100) };
  block.write(rest, 0, 100);
  writeOctal(block, fields.mode, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, fields.size, 124, 12);
  writeOctal(block, 0, 136, 12);
  block.fill(' ', 148, 156);
  block.write(fields.typeFlag, 156, 1);
  block.write(fields.linkTarget, 157, 100);
  block.write('ustar\u000000', 257, 8);
  block.write('root', 265, 32);
  block.write('root', 297, 32);
  block.write(prefix, 345, 155);
  let checksum = 0;
  for (const byte of block) checksum += byte;
  block.write(`${checksum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return block;
}

function writeOctal(block: Buffer, value: number, offset: number, length: number) {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length);
}

function padding(size: number) {
  return Buffer.alloc((blockSize - (size % blockSize)) % blockSize);
}
