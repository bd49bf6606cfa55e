export interface CombinedSignal {
  /** Aborts with the reason of the first input to abort, or a TimeoutError DOMException. */
  readonly signal: AbortSignal;
  /** Detaches from the inputs and clears the timer. Safe to call more than once. */
  dispose(): void;
}

/**
 * Combines `signals` (undefined entries are skipped) and an optional timeout into one signal.
 * Call dispose() when the work is done, or listeners stay attached to long-lived inputs.
 */
export function combineSignals(signals: Iterable<AbortSignal | undefined>, timeoutMs?: number): CombinedSignal {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  const dispose = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const abort = (reason: unknown) => {
    dispose();
    controller.abort(reason);
  };

  for (const input of signals) {
    if (!input) continue;
    if (input.aborted) {
      abort(input.reason);
      break;
    }
    const onAbort = () => abort(input.reason);
    input.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => input.removeEventListener('abort', onAbort));
  }

  if (timeoutMs !== undefined && !controller.signal.aborted) {
    const timer = setTimeout(() => abort(new DOMException(`Timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    cleanups.push(() => clearTimeout(timer));
  }
  return { signal: controller.signal, dispose };
}
