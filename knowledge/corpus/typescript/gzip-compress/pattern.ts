import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { constants, createGunzip, createGzip, gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** In-memory gzip, for payloads you already hold (HTTP bodies, cache entries). Level 1 (fast) to 9 (small). */
export function gzipBuffer(data: string | Uint8Array, level: number = constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return gzipAsync(data, { level });
}

export function gunzipBuffer(data: Uint8Array): Promise<Buffer> {
  return gunzipAsync(data);
}

/** True if the bytes start with the gzip magic number (0x1f 0x8b). */
export function isGzip(data: Uint8Array): boolean {
  return data[0] === 0x1f && data[1] === 0x8b;
}

/** Streams `source` through `transform` into `destination`, via a temp file renamed into place on success. */
async function streamToFile(source: string, transform: NodeJS.ReadWriteStream, destination: string): Promise<void> {
  const temp = `${destination}.partial`;
  try {
    await pipeline(createReadStream(source), transform, createWriteStream(temp));
    await rename(temp, destination);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Compresses a file of any size in constant memory; writes `<source>.gz` unless told otherwise. */
export async function gzipFile(source: string, destination = `${source}.gz`): Promise<string> {
  await streamToFile(source, createGzip(), destination);
  return destination;
}

export async function gunzipFile(source: string, destination = source.replace(/\.gz$/, '')): Promise<string> {
  if (destination === source) throw new Error(`Refusing to overwrite ${source}: pass a destination`);
  await streamToFile(source, createGunzip(), destination);
  return destination;
}
