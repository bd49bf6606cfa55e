import { KilnError } from './kiln-error.ts';

/** The user is signed in but may not do this (a member asking for an admin's action); `message` says who may. */
export class ForbiddenError extends KilnError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}
