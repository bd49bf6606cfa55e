import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { KilnError } from '../../errors/kiln-error.ts';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.ts';
import { ValidationError } from '../../errors/validation-error.ts';
import { isInsideFolder } from './project-folder.ts';

const mebibyte = 1024 * 1024;

export interface ArchiveLimits {
  maxEntries: number;
  /** Decompressed bytes, counted as they stream, over all entries (skipped ones included). */
  maxTotalBytes: number;
  maxFileBytes: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 200 * mebibyte,
  maxFileBytes: 5 * mebibyte,
};

export type ArchiveFormat = 'zip' | 'tar.gz' | 'tar';

export interface SkippedEntry {
  path: string;
  /** 'link', 'special file', 'too large', 'encrypted', 'unsupported compression' or 'conflicting path'. */
  reason: string;
}

export interface ExtractedArchive {
  format: ArchiveFormat;
  files: number;
  bytes: number;
  skipped: SkippedEntry[];
}

/**
 * Unpacks a zip, tar.gz or tar (told apart by their first bytes, not the name) into `destination`, an existing empty
 * directory, writing only regular files and directories inside it. An entry that would land outside (absolute, `..`,
 * a drive letter) refuses the whole archive; links, devices, encrypted and oversized files are skipped and listed.
 * Limits are checked against the bytes actually decompressed. Throws ValidationError (not an archive, damaged,
 * unsafe path) or PayloadTooLargeError (too many entries, unpacks too big), and then leaves `destination` empty.
 */
export async function extractArchive(
  archivePath: string,
  destination: string,
  limits: ArchiveLimits = defaultArchiveLimits,
): Promise<ExtractedArchive> {
  const root = await realpath(destination);
  if ((await readdir(root)).length > 0) throw new Error(`extractArchive needs an empty destination, got ${root}`);
  const format = await detectFormat(archivePath);
  const writer = new EntryWriter(root, limits);
  try {
    if (format === 'zip') await extractZip(archivePath, writer);
    else await extractTar(archivePath, writer);
  } catch (error) {
    await Promise.all((await readdir(root)).map((name) => rm(path.join(root, name), { recursive: true, force: true })));
    throw error;
  }
  return { format, files: writer.files, bytes: writer.bytes, skipped: writer.skipped };
}

async function detectFormat(archivePath: string): Promise<ArchiveFormat> {
  const file = await open(archivePath, 'r');
  const head = Buffer.alloc(262);
  try {
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    if (start.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
    if (start[0] === 0x1f && start[1] === 0x8b) return 'tar.gz';
    if (start.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  } finally {
    await file.close();
  }
  throw new ValidationError('The upload is not a .zip or .tar.gz archive.');
}

const damaged = (detail: string, cause?: unknown) =>
  new ValidationError(`The archive is damaged: ${detail}.`, [], { cause });

/** An fs failure while writing is the server's problem (disk full, permissions), not the archive's. */
const isFileSystemError = (error: unknown) => error instanceof Error && 'syscall' in error;

const conflictCodes = new Set(['EEXIST', 'EISDIR', 'ENOTDIR']);

/** Shows an entry name in a message: no control characters, bounded length. */
const displayName = (name: string) => JSON.stringify(name.replace(/\p{Cc}/gu, '').slice(0, 200));

/** Admits entries one by one: counts them, checks their paths, and writes them while counting bytes. */
class EntryWriter {
  files = 0;
  bytes = 0;
  readonly skipped: SkippedEntry[] = [];
  private entries = 0;
  private decompressed = 0;

  constructor(
    private readonly root: string,
    private readonly limits: ArchiveLimits,
  ) {}

  get maxFileBytes() {
    return this.limits.maxFileBytes;
  }

  /** The entry's path relative to the root, or undefined for the root itself ("./"); throws for unsafe paths. */
  admit(name: string): string | undefined {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) throw tooManyEntries(this.limits.maxEntries);
    const normalized = name.replaceAll('\\', '/');
    const parts = normalized.split('/').filter((part) => part !== '' && part !== '.');
    const unsafe =
      normalized.includes('\0') || normalized.startsWith('/') || /^[a-z]:/i.test(normalized) || parts.includes('..');
    const relative = parts.join('/');
    if (unsafe || !isInsideFolder(this.root, path.resolve(this.root, relative))) {
      throw new ValidationError(
        `The archive was refused: the entry ${displayName(name)} points outside its folder (an absolute path or "..").`,
      );
    }
    return relative === '' ? undefined : relative;
  }

  skip(name: string, reason: string) {
    this.skipped.push({ path: name, reason });
  }

  async directory(relative: string) {
    await mkdir(path.join(this.root, relative), { recursive: true }).catch((error: unknown) =>
      this.conflict(relative, error),
    );
  }

  /** Streams `data` to the file, counting every byte; past maxFileBytes it drains the rest and skips the file. */
  async file(relative: string, data: AsyncIterable<Buffer>, signal?: AbortSignal) {
    const target = path.join(this.root, relative);
    const { maxFileBytes, maxTotalBytes } = this.limits;
    let fileBytes = 0;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, callback: TransformCallback) => {
        fileBytes += chunk.length;
        this.decompressed += chunk.length;
        if (this.decompressed > maxTotalBytes) return callback(tooBig(maxTotalBytes));
        callback(null, fileBytes > maxFileBytes ? undefined : chunk);
      },
    });
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(data, counter, createWriteStream(target, { mode: 0o644 }), { signal });
    } catch (error) {
      if (!isFileSystemError(error)) throw error;
      return this.conflict(relative, error);
    }
    if (fileBytes > maxFileBytes) {
      await rm(target, { force: true });
      this.skip(relative, 'too large');
      return;
    }
    this.files += 1;
    this.bytes += fileBytes;
  }

  /** Two entries wanting the same path as file and directory: keep the first, skip the other. */
  private conflict(relative: string, error: unknown) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!conflictCodes.has(code)) throw error;
    this.skip(relative, 'conflicting path');
  }
}

const tooManyEntries = (maxEntries: number) =>
  new PayloadTooLargeError(`The archive holds more than ${maxEntries.toLocaleString('en-US')} entries.`);

const tooBig = (maxTotalBytes: number) =>
  new PayloadTooLargeError(`The archive unpacks to more than ${formatMebibytes(maxTotalBytes)}.`);

const formatMebibytes = (bytes: number) => `${Number((bytes / mebibyte).toFixed(2)).toLocaleString('en-US')} MiB`;

const fileTypeMask = 0o170000;
const regularFile = 0o100000;
const directoryType = 0o040000;
const symbolicLink = 0o120000;
const unixHost = 3;

async function extractZip(archivePath: string, writer: EntryWriter) {
  const zip = await yauzl
    .openPromise(archivePath, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true })
    .catch((error: unknown) => {
      throw damaged('its table of contents cannot be read', error);
    });
  try {
    for await (const entry of zip.eachEntry()) {
      // decodeStrings is off so that yauzl hands us the name instead of refusing it with its own message.
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const relative = writer.admit(name);
      if (relative === undefined) continue;
      // The high 16 bits hold a Unix mode only in zips made on Unix; others leave them zero or use them otherwise.
      const madeOnUnix = entry.versionMadeBy >> 8 === unixHost;
      const type = madeOnUnix ? (entry.externalFileAttributes >>> 16) & fileTypeMask : 0;
      if (name.endsWith('/') || type === directoryType) await writer.directory(relative);
      else if (type === symbolicLink) writer.skip(relative, 'link');
      else if (type !== 0 && type !== regularFile) writer.skip(relative, 'special file');
      else if (entry.isEncrypted()) writer.skip(relative, 'encrypted');
      else if (!entry.canDecodeFileData()) writer.skip(relative, 'unsupported compression');
      else if (entry.uncompressedSize > writer.maxFileBytes) writer.skip(relative, 'too large');
      else {
        const data = await zip.openReadStreamPromise(entry);
        // yauzl replaces destroy() on its streams, so a size error can be emitted again after the pipeline settled.
        data.on('error', () => {});
        await writer.file(relative, data);
      }
    }
  } catch (error) {
    if (error instanceof KilnError || isFileSystemError(error)) throw error;
    throw damaged('its contents cannot be read', error);
  } finally {
    zip.close();
  }
}

async function extractTar(archivePath: string, writer: EntryWriter) {
  const input = createReadStream(archivePath);
  const stop = new AbortController();
  // Entries are written one after another, in archive order, so a later entry never overtakes an earlier one.
  let writes = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      input.destroy();
      parser.abort(new Error('extraction stopped'));
      stop.abort();
      // Let the write under way settle before the caller empties the destination.
      void writes.then(() => reject(error));
    };
    const parser = new Parser({
      strict: true,
      // The byte limits are what bound a bomb; tar's own ratio check would refuse honest archives of repetitive files.
      maxDecompressionRatio: Infinity,
      onReadEntry: (entry) => {
        if (failed) return entry.resume();
        try {
          const write = admitTarEntry(entry, writer, stop.signal);
          writes = writes.then(write).catch(fail);
        } catch (error) {
          entry.resume();
          fail(error);
        }
      },
    });
    parser.on('error', (error: unknown) => {
      fail(error instanceof KilnError ? error : damaged(tarProblem(error), error));
    });
    parser.on('end', () => {
      void writes.then(() => (failed ? undefined : resolve()));
    });
    input.on('error', fail);
    input.pipe(parser);
  });
}

/** Checks one tar entry now and returns the work of writing it, to run after the entries before it. */
function admitTarEntry(entry: ReadEntry, writer: EntryWriter, signal: AbortSignal): () => Promise<void> {
  const relative = writer.admit(entry.path);
  const drain = async () => void entry.resume();
  if (relative === undefined) return drain;
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      // Drained afterwards too: a write refused early would otherwise leave the parser waiting on this entry.
      return () => writer.file(relative, entry, signal).finally(() => entry.resume());
    case 'Directory':
      entry.resume();
      return () => writer.directory(relative);
    case 'Link':
    case 'SymbolicLink':
      writer.skip(relative, 'link');
      return drain;
    default:
      writer.skip(relative, 'special file');
      return drain;
  }
}

function tarProblem(error: unknown) {
  const message = error instanceof Error ? error.message : '';
  if (/unexpected end|truncated/i.test(message)) return 'it ends before its last entry';
  if (/incorrect header check|invalid|unrecognized/i.test(message)) return 'its contents are not valid tar data';
  return 'its contents cannot be read';
}
