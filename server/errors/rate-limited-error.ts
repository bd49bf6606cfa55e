import { KilnError } from './kiln-error.ts';

/** Too much, too soon: a 429 whose `Retry-After` says when to try again; `message` names the limit. */
export class RateLimitedError extends KilnError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('rate_limited', 429, message, { details: { retryAfterSeconds: retryAfterSeconds(retryAfterMs) } });
  }
}

/** Whole seconds, at least one: what `Retry-After` carries. */
export const retryAfterSeconds = (milliseconds: number) => Math.max(1, Math.ceil(milliseconds / 1000));
