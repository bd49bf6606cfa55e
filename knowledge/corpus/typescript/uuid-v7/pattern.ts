import { randomBytes } from 'node:crypto';

let lastMs = -1;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation
 * time, so B-tree primary keys stay compact (random v4 keys scatter inserts across the index).
 *
 * Within one millisecond a 12-bit counter keeps ids strictly increasing from this process; if the
 * clock goes backwards the last timestamp is reused. The creation time is readable from the id,
 * so do not use v7 ids as secrets or where the time must stay private.
 */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x7ff; // random start in the lower half leaves room to count up
  } else if (++sequence > 0xfff) {
    lastMs += 1; // counter exhausted: borrow the next millisecond
    sequence = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8); // version 7
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 4122/9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}

/** The creation time encoded in a v7 id. */
export function uuidv7Date(id: string): Date {
  if (!isUuidV7(id)) throw new TypeError(`not a UUIDv7: ${id}`);
  return new Date(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
}
