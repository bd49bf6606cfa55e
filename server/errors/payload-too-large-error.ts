import { KilnError } from './kiln-error.ts';

/** The request or what it unpacks to is bigger than this server accepts; `message` names the limit. Nothing was kept. */
export class PayloadTooLargeError extends KilnError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('payload_too_large', 413, message, options);
  }
}
