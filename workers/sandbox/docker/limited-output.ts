import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';

export type OutputStream = 'stdout' | 'stderr';

/**
 * A run's stdout and stderr as text chunks, each stream cut at `limitBytes`: the bytes past it are dropped and
 * `onLimit` is called once. UTF-8 characters split across chunks are joined; one cut by the limit is dropped.
 */
export class LimitedOutput {
  onLimit: (() => void) | undefined;
  private readonly streams = {
    stdout: { bytes: 0, full: false, decoder: new StringDecoder('utf8') },
    stderr: { bytes: 0, full: false, decoder: new StringDecoder('utf8') },
  };

  constructor(
    private readonly limitBytes: number,
    private readonly emit: (stream: OutputStream, chunk: string) => void,
  ) {}

  /** A writable for one stream, as dockerode's demultiplexer wants. */
  sink(stream: OutputStream) {
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.write(stream, chunk);
        done();
      },
    });
  }

  write(stream: OutputStream, chunk: Buffer) {
    const state = this.streams[stream];
    if (state.full) return;
    const room = this.limitBytes - state.bytes;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    state.bytes += kept.length;
    const text = state.decoder.write(kept);
    if (text) this.emit(stream, text);
    if (kept.length < chunk.length) {
      state.full = true;
      this.onLimit?.();
    }
  }

  /** Emits what the decoders still hold, except from a stream that was cut. */
  end() {
    for (const stream of ['stdout', 'stderr'] as const) {
      const state = this.streams[stream];
      const rest = state.decoder.end();
      if (rest && !state.full) this.emit(stream, rest);
    }
  }
}
