import { parentPort } from 'node:worker_threads';
import { checkTypes, type TypeScriptSources } from './check-types.ts';

// The thread behind checkTypesInBackground (entered through type-check-worker.mjs): one check at a time, in order.
parentPort!.on('message', ({ id, sources }: { id: number; sources: TypeScriptSources }) => {
  try {
    parentPort!.postMessage({ id, diagnostics: checkTypes(sources) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
