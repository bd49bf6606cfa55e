import { KilnError } from '../errors/kiln-error.ts';

export type LlmErrorCode =
  | 'llm_rate_limited'
  | 'llm_unavailable'
  | 'llm_timeout'
  | 'llm_authentication'
  | 'llm_bad_request'
  | 'llm_stream_broken';

/**
 * A model call that failed. `retryable` says whether the same request may work
 * later; `retryAfterMs` carries the provider's own `retry-after` when it sent one.
 * The message is safe to show to users (no keys, no raw payloads).
 */
export class LlmError extends KilnError {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: LlmErrorCode,
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, 502, message, { cause: options.cause });
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Maps an HTTP failure of a provider API to an `LlmError`. Shared by the
 * adapters: Anthropic and OpenAI use the same status semantics.
 */
export function llmErrorFromStatus(
  provider: string,
  status: number | undefined,
  headers: { get(name: string): string | null } | undefined,
  cause: unknown,
): LlmError {
  const retryAfterMs = parseRetryAfter(headers?.get('retry-after') ?? null);
  if (status === 429) {
    return new LlmError('llm_rate_limited', `${provider} is rate-limiting requests; try again shortly.`, {
      retryable: true,
      retryAfterMs,
      cause,
    });
  }
  if (status === 401 || status === 403) {
    return new LlmError(
      'llm_authentication',
      `${provider} rejected the API key (HTTP ${status}); check the key Kiln is configured with.`,
      {
        retryable: false,
        cause,
      },
    );
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409) {
    return new LlmError('llm_bad_request', `${provider} refused the request (HTTP ${status}).`, {
      retryable: false,
      cause,
    });
  }
  const what = status === undefined ? 'could not be reached' : `failed (HTTP ${status})`;
  return new LlmError('llm_unavailable', `${provider} ${what}; try again shortly.`, {
    retryable: true,
    retryAfterMs,
    cause,
  });
}

/** `retry-after` as seconds or an HTTP date; undefined when absent or unreadable. Capped at one minute. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const milliseconds = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return undefined;
  return Math.min(milliseconds, 60_000);
}
