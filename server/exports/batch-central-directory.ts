import type { ZipArchive } from 'archiver';

/** The parts of compress-commons' ZipArchiveOutputStream (archiver's ZIP engine) this patch relies on. */
interface ZipEngine {
  offset: number;
  /** Chunks are Buffers, or strings (an ASCII entry name) written as UTF-8. */
  write(chunk: Buffer | string | undefined): boolean;
  end(): void;
  _finish(): void;
}

const chunkBytes = 64 * 1024;

/**
 * Makes archiver write a ZIP's central directory in chunks of about 64 KiB. Its engine (compress-commons 7)
 * writes each entry's central record as 22 separate writes of a few bytes, all in one synchronous loop when the
 * archive ends: for an export of 10,000 conversations (30,000 entries) that is 660,000 chunks queued at once, over
 * 100 MB of heap for a directory of about 4 MB. Here the engine's writes during `_finish` are gathered (keeping its
 * byte offset exact, which the ZIP64 decision and the end record read) and passed on joined. The engine is
 * archiver's own private field, so a test checks the archive this makes, and archiver is pinned.
 */
export function batchCentralDirectory(zip: ZipArchive): void {
  const engine = (zip as unknown as { _module: { engine: ZipEngine } })._module.engine;
  const finish = engine._finish;
  const write = engine.write;
  const end = engine.end;
  engine._finish = () => {
    let parts: Buffer[] = [];
    let bytes = 0;
    const flush = () => {
      if (bytes === 0) return;
      const joined = Buffer.concat(parts, bytes);
      parts = [];
      bytes = 0;
      // The engine's own `write` counts these bytes in its offset, as the gathering `write` below already did.
      engine.offset -= joined.length;
      write.call(engine, joined);
    };
    engine.write = (chunk) => {
      if (!chunk || chunk.length === 0) return true;
      // The engine counts a string by its length, as here (its strings are ASCII names).
      engine.offset += chunk.length;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      parts.push(buffer);
      bytes += buffer.length;
      if (bytes >= chunkBytes) flush();
      return true;
    };
    engine.end = () => {
      flush();
      engine.write = write;
      engine.end = end;
      end.call(engine);
    };
    finish.call(engine);
  };
}
