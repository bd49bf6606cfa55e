import { ConflictError } from '../errors/conflict-error.ts';
import type { KilnError } from '../errors/kiln-error.ts';
import { SignUpRefusedError } from '../errors/sign-up-refused-error.ts';
import type { RegistrationRefusal } from './user-repository.ts';

const askForInvite = 'ask your Kiln admin for a new invite link.';

/** Why a sign-up was refused, as the error its user sees: what happened and what to do. */
export function registrationRefusalError(refusal: RegistrationRefusal): KilnError {
  switch (refusal) {
    case 'email-taken':
      return new ConflictError('email_taken', 'An account with this email already exists; sign in instead.');
    case 'signup-closed':
      return new SignUpRefusedError(
        'signup_closed',
        'Sign-up is closed on this Kiln server; ask your Kiln admin to create an account for you.',
      );
    case 'invite-required':
      return new SignUpRefusedError(
        'invite_required',
        'Sign-up on this Kiln server is by invitation; open the invite link your Kiln admin sent you.',
      );
    case 'invite-unknown':
      return new SignUpRefusedError('invite_invalid', `This invite link is not valid; ${askForInvite}`);
    case 'invite-used':
      return new SignUpRefusedError(
        'invite_invalid',
        `This invite link has already been used or was revoked; ${askForInvite}`,
      );
    case 'invite-expired':
      return new SignUpRefusedError('invite_invalid', `This invite link has expired; ${askForInvite}`);
    case 'invite-for-another-email':
      return new SignUpRefusedError(
        'invite_invalid',
        'This invite is for a different email address; sign up with the address it was sent to.',
      );
  }
}
