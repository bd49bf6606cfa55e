/** A failed API call or socket request, with the server's error code and its message (safe to show). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The ApiError for an error response: its body's `{ error: { code, message } }`, or a generic one without it. */
export function apiErrorFrom(status: number, json: unknown, fallbackMessage?: string): ApiError {
  const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new ApiError(
    status,
    error?.code ?? 'request_error',
    error?.message ?? fallbackMessage ?? `The request failed (${status}).`,
  );
}
