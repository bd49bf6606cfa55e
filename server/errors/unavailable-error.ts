import { KilnError } from './kiln-error.ts';

/** A dependency Kiln needs for this request is down; retrying later may work. */
export class UnavailableError extends KilnError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('unavailable', 503, message, options);
  }
}
