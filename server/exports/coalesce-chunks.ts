import { Transform } from 'node:stream';

/**
 * Joins a stream's small chunks into chunks of at least `size` bytes (the last may be smaller). A ZIP writer emits
 * many small pieces (entry headers of a few dozen bytes, each small file's compressed bytes), and the response
 * path copies and queues every chunk as an object of its own (Readable.toWeb, then Hono's writer): fewer, larger
 * chunks cost less per byte and leave less for the garbage collector. (Written here: a dozen lines, where the
 * stream libraries that do it cut into fixed-size blocks instead.)
 */
export function coalesceChunks(size = 64 * 1024): Transform {
  let pending: Buffer[] = [];
  let bytes = 0;
  const take = () => {
    // One chunk already large enough passes as it is, uncopied.
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, bytes);
    pending = [];
    bytes = 0;
    return joined;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      bytes += chunk.length;
      done(null, bytes >= size ? take() : undefined);
    },
    flush(done) {
      done(null, bytes > 0 ? take() : undefined);
    },
  });
}
