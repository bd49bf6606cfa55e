import { StringDecoder } from 'node:string_decoder';

/**
 * One output stream of a run: decodes UTF-8 across chunk boundaries (a character split between two chunks comes
 * out whole) and lets through at most `limitBytes` bytes of what the program wrote.
 */
export class OutputLimiter {
  private readonly decoder = new StringDecoder('utf8');
  private receivedBytes = 0;
  private deliveredBytes = 0;
  private overflowed = false;

  constructor(private readonly limitBytes: number) {}

  /** The text to deliver for `chunk`; `overflowed` once the stream went past the limit (the rest is dropped). */
  write(chunk: Buffer): { text: string; overflowed: boolean } {
    if (this.overflowed) return { text: '', overflowed: true };
    const room = this.limitBytes - this.receivedBytes;
    this.receivedBytes += chunk.length;
    if (chunk.length > room) this.overflowed = true;
    // A character cut at the limit stays in the decoder and is never delivered.
    const text = this.decoder.write(this.overflowed ? chunk.subarray(0, room) : chunk);
    this.deliveredBytes += Buffer.byteLength(text);
    return { text, overflowed: this.overflowed };
  }

  /**
   * What is left when the stream ends: a replacement character for an unfinished sequence, unless the stream
   * overflowed or the character would take the delivered text past the limit.
   */
  end(): string {
    if (this.overflowed) return '';
    const rest = this.decoder.end();
    return this.deliveredBytes + Buffer.byteLength(rest) > this.limitBytes ? '' : rest;
  }
}
