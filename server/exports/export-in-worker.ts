import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ExportJob, ExportWorkerMessage } from './export-job.ts';

/** The worker's heap limit: its live data is about 0.6 KB per conversation exported, plus what one conversation needs. */
const workerHeapMb = 256;

/**
 * The ZIP of an export, built in a worker thread (export-worker.ts) and read here as a stream: a chunk is asked
 * for each time the stream wants more, so the worker keeps pace with the client's download. Destroying the stream
 * (the client went away) stops the worker; a worker that fails or dies ends the stream with an error.
 */
export function exportInWorker(job: ExportJob): Readable {
  const worker = new Worker(new URL('./start-export-worker.mjs', import.meta.url), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
  });
  let ended = false;
  const output = new Readable({
    read: () => worker.postMessage('more'),
    destroy: (error, done) => {
      if (!ended) void worker.terminate();
      done(error);
    },
  });
  worker.on('message', (message: ExportWorkerMessage) => {
    if ('chunk' in message) {
      output.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
    } else if ('end' in message) {
      ended = true;
      output.push(null);
    } else {
      output.destroy(new Error(`The export failed: ${message.error}`));
    }
  });
  worker.on('error', (error) => output.destroy(error));
  worker.on('exit', (code) => {
    if (!ended && !output.destroyed) output.destroy(new Error(`The export's worker stopped (exit code ${code}).`));
  });
  return output;
}
