import { KilnError } from './kiln-error.ts';

/** The password was right but an admin has disabled the account (told only after the password is checked). */
export class AccountDisabledError extends KilnError {
  constructor() {
    super('account_disabled', 403, 'This account has been disabled by an admin; ask your Kiln admin to enable it.');
  }
}
