import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { KilnError } from '../../errors/kiln-error.ts';
import { PayloadTooLargeError } from '../../errors/payload-too-large-error.ts';
import { ValidationError } from '../../errors/validation-error.ts';

export interface ReceiveUploadOptions {
  /** The multipart field that carries the file. */
  field: string;
  maxBytes: number;
  /** Where the file is written, under a random name. */
  directory: string;
}

export interface ReceivedUpload {
  path: string;
  /** The client's name for the file, for display only: never a path. */
  fileName: string;
  bytes: number;
}

/** Room for the multipart boundaries, headers and small fields around the file. */
const envelopeBytes = 1024 * 1024;

/**
 * Streams the first file in `field` of a multipart/form-data request to a new file in `directory`, never holding it
 * whole in memory. Other fields and files are read past. Throws ValidationError (not multipart, no such field,
 * malformed or aborted body) or PayloadTooLargeError (over `maxBytes`); then no file is left behind.
 */
export async function receiveUpload(request: Request, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new ValidationError(`Send the file as multipart/form-data with a field "${options.field}".`);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      defParamCharset: 'utf8',
      limits: { fileSize: options.maxBytes + 1 },
    });
  } catch (error) {
    throw new ValidationError('The upload is not valid multipart/form-data: its boundary is missing.', [], {
      cause: error,
    });
  }
  const target = path.join(options.directory, `${randomUUID()}.upload`);
  const tooLarge = () =>
    new PayloadTooLargeError(`The upload is larger than the limit of ${formatMebibytes(options.maxBytes)}.`);
  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  let received: Promise<ReceivedUpload> | undefined;

  parser.on('file', (name, file, info) => {
    if (name !== options.field || received) return void file.resume();
    // busboy signals 'limit' on reaching fileSize, so it is set one byte past maxBytes.
    file.on('limit', () => file.destroy(tooLarge()));
    const output = createWriteStream(target, { flags: 'wx' });
    received = pipeline(file, output).then(() => ({
      path: target,
      fileName: displayFileName(info.filename ?? ''),
      bytes: output.bytesWritten,
    }));
    // A failed write stops the whole body: busboy would otherwise wait forever for the file stream to be read.
    received.catch((error: unknown) => body.destroy(error instanceof Error ? error : undefined));
  });

  try {
    await pipeline(body, countBytes(options.maxBytes + envelopeBytes, tooLarge), parser);
    if (!received) throw new ValidationError(`The upload has no file in the field "${options.field}".`);
    return await received;
  } catch (error) {
    // Wait for the file write to settle (busboy ends it on failure), so the file is not created after its removal.
    await received?.catch(() => undefined);
    await rm(target, { force: true });
    if (error instanceof KilnError || isFileSystemError(error)) throw error;
    throw new ValidationError('The upload could not be read: the form data is malformed or was cut off.', [], {
      cause: error,
    });
  }
}

/** A failure to write the file is the server's problem (disk full, permissions), not the client's. */
const isFileSystemError = (error: unknown) => error instanceof Error && 'syscall' in error;

/** Stops a body that keeps going past the file limit in other fields or files. */
function countBytes(maxBytes: number, tooLarge: () => Error) {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      callback(total > maxBytes ? tooLarge() : null, chunk);
    },
  });
}

/** The client's file name reduced to something safe to show: its last segment, no control characters, 200 at most. */
function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? 'upload' : cleaned;
}

const formatMebibytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${bytes.toLocaleString('en-US')} bytes`
    : `${Number((bytes / (1024 * 1024)).toFixed(2)).toLocaleString('en-US')} MiB`;
