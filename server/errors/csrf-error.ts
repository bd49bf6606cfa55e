import { KilnError } from './kiln-error.ts';

/**
 * A request authenticated by the session cookie changes something without the CSRF token the signed-in page
 * echoes (`X-CSRF-Token`): it may come from another site riding on the cookie. Nothing was changed.
 */
export class CsrfError extends KilnError {
  constructor(
    message = 'This request needs the X-CSRF-Token header (the kiln_csrf cookie); reload the page and try again.',
  ) {
    super('csrf_failed', 403, message);
  }
}
