import { KilnError } from './kiln-error.ts';

/** The request clashes with the current state (an email already registered, a turn still running). */
export class ConflictError extends KilnError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, 409, message, options);
  }
}
