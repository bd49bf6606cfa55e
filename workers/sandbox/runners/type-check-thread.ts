import { Worker } from 'node:worker_threads';
import type { TypeScriptSources } from './check-types.ts';
import type { Diagnostic } from './run-request.ts';

type Pending = { resolve: (diagnostics: Diagnostic[]) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/**
 * TypeScript's check of a run on a thread of its own: it takes 100–300 ms of CPU per run (seconds for the first,
 * which parses the library declarations), which would otherwise stop the server's event loop, and the run need
 * not wait for it (type errors do not stop a run). One thread for the process, started on first use; it keeps the
 * process alive only while a check is pending.
 */
export function checkTypesInBackground(sources: TypeScriptSources): Promise<Diagnostic[]> {
  const thread = (worker ??= startThread());
  const id = (nextId += 1);
  thread.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.postMessage({ id, sources });
  });
}

/** Starts the thread and has it parse the library declarations now, so the first real check is not the slow one. */
export function warmUpTypeChecks(): void {
  void checkTypesInBackground({ code: { file: 'pattern.ts', text: 'export const ready: number = 1;\n' } }).catch(
    () => undefined,
  );
}

function startThread(): Worker {
  const thread = new Worker(new URL('./type-check-worker.mjs', import.meta.url));
  thread.on('message', (message: { id: number; diagnostics?: Diagnostic[]; error?: string }) => {
    const request = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) thread.unref();
    if (!request) return;
    if (message.diagnostics) request.resolve(message.diagnostics);
    else request.reject(new Error(message.error ?? 'the type check failed'));
  });
  const failAll = (error: Error) => {
    worker = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  thread.on('error', failAll);
  thread.on('exit', (code) => failAll(new Error(`the type-check thread exited (${code})`)));
  thread.unref();
  return thread;
}
