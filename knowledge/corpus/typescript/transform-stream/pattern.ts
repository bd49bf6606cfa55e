import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * Bytes (or strings) in, one parsed JSON value per non-blank line out. The readable side is in object
 * mode; the writable side is not, so it can sit behind fs.createReadStream or an HTTP body.
 */
export class NdjsonParser extends Transform {
  private decoder = new StringDecoder('utf8');
  private partial = '';
  private lineNumber = 0;

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    // A multibyte character can be split between two chunks; StringDecoder holds the incomplete bytes back.
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    callback(this.pushLines(lines));
  }

  override _flush(callback: TransformCallback): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    callback(this.pushLines([rest]));
  }

  private pushLines(lines: string[]): Error | null {
    for (const line of lines) {
      this.lineNumber++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        return new Error(`Invalid JSON on line ${this.lineNumber}: ${(error as Error).message}`);
      }
      // push(null) means end-of-stream, even in object mode, so a literal `null` line is skipped.
      if (value !== null) this.push(value);
    }
    return null;
  }
}

/** The inverse: objects in, "JSON\n" out. */
export function ndjsonStringifier(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(value: unknown, _encoding, callback) {
      callback(null, `${JSON.stringify(value)}\n`);
    },
  });
}
