import { KilnError } from './kiln-error.ts';

/** The thing does not exist, or belongs to someone else (never say which). */
export class NotFoundError extends KilnError {
  constructor(what: string, options: { cause?: unknown } = {}) {
    super('not_found', 404, `${what} not found`, options);
  }
}
