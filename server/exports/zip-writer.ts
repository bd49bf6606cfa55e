import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const zip64EndSignature = 0x06064b50;
const zip64LocatorSignature = 0x07064b50;
const endSignature = 0x06054b50;
/** Version 2.0 (deflate), or 4.5 (ZIP64); made on Unix, so the external attributes carry a file mode. */
const version = 20;
const zip64Version = 45;
const madeByUnix = 3 << 8;
/** General purpose flag bit 11: names are UTF-8. */
const utf8Names = 0x0800;
const deflate = 8;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const fileAttributes = (0o100644 << 16) >>> 0;
const max16 = 0xffff;
const max32 = 0xffffffff;
const directoryBlockBytes = 64 * 1024;

/**
 * A ZIP written as a stream, for exports of any size: each file is compressed whole (zlib, off the event loop) and
 * written with its sizes in its header; the central directory is kept as one small record per file (46 bytes plus
 * the name) and written at the end in 64 KiB chunks; ZIP64 records are added when the archive needs them (more
 * than 65,535 files, or offsets past 4 GiB).
 *
 * Written here because none of the streaming ZIP writers keeps its memory flat: archiver keeps about 650 bytes of
 * objects per file until the end and writes the directory in 22 pieces per file (over 100 MB of heap at the end of
 * an export of 10,000 conversations); yazl keeps every file's compressed bytes until the end; fflate writes no
 * ZIP64, so an archive of more than 65,535 files would be unreadable.
 */
export class ZipWriter {
  /** The archive's bytes. Destroying it (the client went away) makes `add` and `finish` reject. */
  readonly output: Readable;
  private offset = 0;
  /** The central directory so far, in blocks of 64 KiB filled one record after another (few objects, not one each). */
  private readonly directory: Buffer[] = [];
  private directoryFill = 0;
  private files = 0;
  private finished = false;
  private wake: (() => void) | undefined;

  constructor(private readonly level = 6) {
    this.output = new Readable({ read: () => this.resume() });
    this.output.on('close', () => this.resume());
  }

  /**
   * Adds one file. Resolves once its bytes are in the output and the output has room for more, so a caller that
   * awaits each file holds one file at a time whatever the reader's pace.
   */
  async add(name: string, content: string | Buffer, modified: Date): Promise<void> {
    if (this.finished) throw new Error('The ZIP was finished; no file can be added.');
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    if (data.length >= max32) throw new Error(`${name} is too large for this ZIP writer (4 GiB per file at most).`);
    // A gzip member is a 10-byte header, the raw deflate stream a ZIP entry holds, and a trailer whose first four
    // bytes are the data's CRC-32: one native call gives both, where Node 20 has no CRC-32 of its own.
    const gzipped = await gzip(data, { level: this.level });
    if (gzipped[3] !== 0) throw new Error('zlib wrote a gzip header with optional fields; this writer expects none.');
    const compressed = gzipped.subarray(10, -8);
    const crc = gzipped.readUInt32LE(gzipped.length - 8);
    const fileName = Buffer.from(name);
    if (fileName.length > max16) throw new Error('A file name in a ZIP is at most 65,535 bytes.');
    const { time, date } = dosDateTime(modified);

    const entry = {
      crc,
      compressedSize: compressed.length,
      size: data.length,
      time,
      date,
      nameLength: fileName.length,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(localHeaderSignature, 0);
    writeEntryFields(header, 4, { ...entry, versionNeeded: version, extraLength: 0 });

    const at = this.offset;
    const farOffset = at > max32;
    const central = this.directoryRecord(46 + fileName.length + (farOffset ? 12 : 0));
    central.writeUInt32LE(centralHeaderSignature, 0);
    central.writeUInt16LE(madeByUnix | zip64Version, 4);
    writeEntryFields(central, 6, {
      ...entry,
      versionNeeded: farOffset ? zip64Version : version,
      extraLength: farOffset ? 12 : 0,
    });
    // Comment length, disk number and internal attributes stay 0.
    central.writeUInt32LE(fileAttributes, 38);
    central.writeUInt32LE(farOffset ? max32 : at, 42);
    fileName.copy(central, 46);
    if (farOffset) {
      // The ZIP64 extra field, holding only the field that overflowed: the local header's offset.
      central.writeUInt16LE(0x0001, 46 + fileName.length);
      central.writeUInt16LE(8, 48 + fileName.length);
      central.writeBigUInt64LE(BigInt(at), 50 + fileName.length);
    }
    this.files += 1;
    await this.write(Buffer.concat([header, fileName, compressed]));
  }

  /** Writes the central directory and the end records; the output then ends. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const directoryOffset = this.offset;
    const blocks = this.directory.splice(0);
    for (const [index, block] of blocks.entries()) {
      await this.write(index === blocks.length - 1 ? block.subarray(0, this.directoryFill) : block);
    }
    const directoryBytes = this.offset - directoryOffset;

    const zip64 = this.files > max16 || directoryOffset > max32 || directoryBytes > max32;
    const end: Buffer[] = [];
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(zip64EndSignature, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(madeByUnix | zip64Version, 12);
      record.writeUInt16LE(zip64Version, 14);
      // This disk and the directory's disk stay 0.
      record.writeBigUInt64LE(BigInt(this.files), 24);
      record.writeBigUInt64LE(BigInt(this.files), 32);
      record.writeBigUInt64LE(BigInt(directoryBytes), 40);
      record.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(zip64LocatorSignature, 0);
      locator.writeBigUInt64LE(BigInt(this.offset), 8);
      locator.writeUInt32LE(1, 16);
      end.push(record, locator);
    }
    const record = Buffer.alloc(22);
    record.writeUInt32LE(endSignature, 0);
    record.writeUInt16LE(Math.min(this.files, max16), 8);
    record.writeUInt16LE(Math.min(this.files, max16), 10);
    record.writeUInt32LE(Math.min(directoryBytes, max32), 12);
    record.writeUInt32LE(Math.min(directoryOffset, max32), 16);
    end.push(record);
    await this.write(Buffer.concat(end));
    this.output.push(null);
  }

  /** Room for one central record at the end of the directory (a record never spans two blocks). */
  private directoryRecord(length: number): Buffer {
    let block = this.directory.at(-1);
    if (!block || this.directoryFill + length > block.length) {
      // The full block keeps only what it holds.
      if (block) this.directory[this.directory.length - 1] = block.subarray(0, this.directoryFill);
      block = Buffer.alloc(Math.max(directoryBlockBytes, length));
      this.directory.push(block);
      this.directoryFill = 0;
    }
    const record = block.subarray(this.directoryFill, this.directoryFill + length);
    this.directoryFill += length;
    return record;
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.output.destroyed) throw new Error('The ZIP’s reader went away.');
    this.offset += bytes.length;
    if (this.output.push(bytes)) return;
    await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.output.destroyed) throw new Error('The ZIP’s reader went away.');
  }

  private resume() {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * The fields a file's local header (from byte 4) and its central record (from byte 6) share: version needed,
 * flags, method, time, date, CRC-32, sizes, name and extra field lengths.
 */
function writeEntryFields(
  record: Buffer,
  at: number,
  entry: {
    versionNeeded: number;
    time: number;
    date: number;
    crc: number;
    compressedSize: number;
    size: number;
    nameLength: number;
    extraLength: number;
  },
) {
  record.writeUInt16LE(entry.versionNeeded, at);
  record.writeUInt16LE(utf8Names, at + 2);
  record.writeUInt16LE(deflate, at + 4);
  record.writeUInt16LE(entry.time, at + 6);
  record.writeUInt16LE(entry.date, at + 8);
  record.writeUInt32LE(entry.crc, at + 10);
  record.writeUInt32LE(entry.compressedSize, at + 14);
  record.writeUInt32LE(entry.size, at + 18);
  record.writeUInt16LE(entry.nameLength, at + 22);
  record.writeUInt16LE(entry.extraLength, at + 24);
}

const dosEpoch = new Date(Date.UTC(1980, 0, 1));

/** MS-DOS date and time fields (two-second steps, 1980 to 2107), in UTC; an earlier time becomes 1980-01-01. */
function dosDateTime(modified: Date): { time: number; date: number } {
  const moment = modified < dosEpoch ? dosEpoch : modified;
  const year = Math.min(moment.getUTCFullYear(), 2107);
  return {
    time: (moment.getUTCHours() << 11) | (moment.getUTCMinutes() << 5) | Math.floor(moment.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((moment.getUTCMonth() + 1) << 5) | moment.getUTCDate(),
  };
}
