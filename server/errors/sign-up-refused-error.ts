import { KilnError } from './kiln-error.ts';

/** Sign-up is closed, needs an invite, or the invite given cannot be used; `message` says what to do. */
export class SignUpRefusedError extends KilnError {
  constructor(code: 'signup_closed' | 'invite_required' | 'invite_invalid', message: string) {
    super(code, 403, message);
  }
}
