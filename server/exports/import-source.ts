import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.ts';
import { ValidationError } from '../errors/validation-error.ts';

/** What an import file may be, and what it must hold. */
export const knownImportFormats =
  'a Kiln export (.json or .zip), ChatGPT’s conversations.json (or its export .zip), Claude’s conversations.json, or an Open WebUI export (.json)';

export interface ImportLimits {
  /** Decompressed bytes read from a ZIP, over all entries (a ZIP bomb stops here). */
  maxUnzippedBytes: number;
  maxEntries: number;
}

/**
 * An uploaded file as streams of JSON to read, openable more than once (a check pass, then the import): the file
 * itself when it is JSON; in a Kiln export ZIP, each `conversations/*.json`; in ChatGPT's or Claude's export ZIP,
 * its `conversations.json`.
 */
export interface ImportSource {
  kind: 'json' | 'kiln-zip' | 'conversations-zip';
  streams(): AsyncGenerator<Readable>;
}

/** Reads the file's first bytes and, for a ZIP, its directory. Throws ValidationError for anything else. */
export async function openImportSource(filePath: string, limits: ImportLimits): Promise<ImportSource> {
  if (!(await isZip(filePath))) {
    return {
      kind: 'json',
      async *streams() {
        yield createReadStream(filePath);
      },
    };
  }
  const names = await entryNames(filePath, limits);
  const kilnEntries = names.filter((name) => /^conversations\/[^/]+\.json$/.test(name));
  if (names.includes('manifest.json') && kilnEntries.length > 0) {
    return { kind: 'kiln-zip', streams: () => entryStreams(filePath, new Set(kilnEntries), limits) };
  }
  const conversations = names.find((name) => /^([^/]+\/)?conversations\.json$/.test(name));
  if (conversations) {
    return { kind: 'conversations-zip', streams: () => entryStreams(filePath, new Set([conversations]), limits) };
  }
  throw new ValidationError(`The ZIP holds no conversations Kiln can read. Kiln imports ${knownImportFormats}.`);
}

async function isZip(filePath: string): Promise<boolean> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(Buffer.from('PK\x03\x04', 'latin1'));
  } finally {
    await file.close();
  }
}

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // yauzl refuses entries named outside the archive (absolute, `..`) and sizes that disagree with the data.
    yauzl.open(filePath, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(damaged(error)) : resolve(zip),
    ),
  );
}

const damaged = (error: Error) =>
  new ValidationError(`The ZIP cannot be read: ${error.message}. Nothing was imported.`, [], { cause: error });

/** Every entry's name (directories left out), refusing the whole file for one unsafe name or too many entries. */
async function entryNames(filePath: string, limits: ImportLimits): Promise<string[]> {
  const zip = await openZip(filePath);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new PayloadTooLargeError(`The ZIP holds more than ${limits.maxEntries.toLocaleString('en')} entries.`);
  }
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', (error: Error) => reject(damaged(error)));
    zip.readEntry();
  });
}

/** The chosen entries' contents, one after another, with the decompressed bytes counted against the limit. */
async function* entryStreams(filePath: string, chosen: Set<string>, limits: ImportLimits): AsyncGenerator<Readable> {
  const zip = await openZip(filePath);
  const counter = { bytes: 0 };
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const onEntry = (found: yauzl.Entry) => (cleanup(), resolve(found));
        const onEnd = () => (cleanup(), resolve(undefined));
        const onError = (error: Error) => (cleanup(), reject(damaged(error)));
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      });
      if (!entry) return;
      if (!chosen.has(entry.fileName)) continue;
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error ? reject(damaged(error)) : resolve(opened))),
      );
      const counted = countedBytes(counter, limits.maxUnzippedBytes);
      stream.on('error', (error: Error) => counted.destroy(damaged(error)));
      yield stream.pipe(counted);
    }
  } finally {
    zip.close();
  }
}

/** Passes bytes through, failing with a 413 once the total decompressed passes `max`. */
function countedBytes(counter: { bytes: number }, max: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      counter.bytes += chunk.length;
      if (counter.bytes > max) {
        callback(
          new PayloadTooLargeError(
            `The ZIP unpacks to more than ${Math.round(max / (1024 * 1024))} MiB. Nothing was imported.`,
          ),
        );
      } else {
        callback(null, chunk);
      }
    },
  });
}
