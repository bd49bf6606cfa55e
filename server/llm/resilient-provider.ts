import { setTimeout as sleep } from 'node:timers/promises';
import { LlmError } from './llm-error.ts';
import type { LlmProvider, LlmRequest, LlmStreamPart } from './llm-provider.ts';

export interface ResilienceOptions {
  /** Tries in all, counting the first. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long the provider may take to produce its first part. */
  firstPartTimeoutMs?: number;
  /** How long it may then go quiet between parts. */
  idleTimeoutMs?: number;
  delay?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

/**
 * Wraps a provider with the failure behaviour users rely on: retries with
 * exponential backoff (or the provider's `retry-after`) only *before* the first
 * part, because afterwards a retry would repeat text the user already saw (or a
 * tool call the caller may already be running);
 * timeouts to the first part and between parts; everything else passed through.
 */
export function resilientProvider(inner: LlmProvider, options: ResilienceOptions = {}): LlmProvider {
  const attempts = options.attempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const firstPartTimeoutMs = options.firstPartTimeoutMs ?? 60_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const delay = options.delay ?? ((milliseconds, signal) => sleep(milliseconds, undefined, { signal }));
  const random = options.random ?? Math.random;

  return {
    engine: inner.engine,
    async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
      for (let attempt = 1; ; attempt += 1) {
        let started = false;
        const attemptController = new AbortController();
        const onAbort = () => attemptController.abort(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        const iterator = inner.stream(request, attemptController.signal)[Symbol.asyncIterator]();
        try {
          for (;;) {
            const timeoutMs = started ? idleTimeoutMs : firstPartTimeoutMs;
            // Raced against the caller's abort too: Stop takes effect at once even if the provider is slow to notice.
            const next = await withTimeout(iterator.next(), timeoutMs, signal, () => {
              const error = new LlmError(
                'llm_timeout',
                started
                  ? `${inner.engine.provider} stopped sending for ${timeoutMs / 1000} s.`
                  : `${inner.engine.provider} did not start answering within ${timeoutMs / 1000} s.`,
                { retryable: !started },
              );
              attemptController.abort(error);
              return error;
            });
            if (next.done) return;
            started = true;
            yield next.value;
          }
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          const failure =
            error instanceof LlmError
              ? error
              : new LlmError('llm_stream_broken', `The answer from ${inner.engine.provider} broke off.`, {
                  retryable: true,
                  cause: error,
                });
          if (started || !failure.retryable || attempt >= attempts) throw failure;
          const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
          await delay(failure.retryAfterMs ?? backoff, signal);
        } finally {
          signal.removeEventListener('abort', onAbort);
          attemptController.abort();
          void iterator.return?.().catch(() => undefined);
        }
      }
    },
  };
}

function withTimeout<T>(
  promise: Promise<T>,
  milliseconds: number,
  signal: AbortSignal,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const interruption = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), milliseconds);
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, interruption]).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  });
}
