import { KilnError } from './kiln-error.ts';

/** No valid credentials: a missing, unknown or expired token, or a wrong password. */
export class UnauthenticatedError extends KilnError {
  constructor(message = 'Sign in first: send your token as "Authorization: Bearer <token>".') {
    super('unauthenticated', 401, message);
  }
}
