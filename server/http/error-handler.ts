import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { KilnError } from '../errors/kiln-error.ts';
import { RateLimitedError, retryAfterSeconds } from '../errors/rate-limited-error.ts';

/**
 * The one place errors become HTTP responses:
 * `{ "error": { "code", "message", "details"?, "requestId" } }`.
 * Kiln's own errors say what went wrong; anything unexpected is logged in full
 * and answered with a 500 that reveals nothing but the request id.
 */
export function errorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    const requestId = c.get('requestId') as string | undefined;
    if (error instanceof KilnError) {
      if (error.status >= 500) log.error({ err: error, requestId }, error.message);
      if (error instanceof RateLimitedError) c.header('Retry-After', String(retryAfterSeconds(error.retryAfterMs)));
      return c.json(
        { error: { code: error.code, message: error.message, details: error.details, requestId } },
        error.status as ContentfulStatusCode,
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        { error: { code: codeForStatus(error.status), message: error.message || 'Bad request', requestId } },
        error.status,
      );
    }
    log.error({ err: error, requestId }, 'unhandled error');
    return c.json(
      {
        error: {
          code: 'internal_error',
          message: 'Something went wrong on the server. The request id identifies it in the server logs.',
          requestId,
        },
      },
      500,
    );
  };
}

function codeForStatus(status: number) {
  switch (status) {
    case 400:
      return 'invalid_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    default:
      return 'request_error';
  }
}
