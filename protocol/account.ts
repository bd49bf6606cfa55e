import type { User } from './user.ts';

/** `KILN_SIGNUP`: anyone may sign up, only with an invite, or nobody (the first account can always be created). */
export type SignupMode = 'open' | 'invite' | 'off';

/** `GET /api/v1/auth/signup`: what the sign-up page should say. */
export interface SignupStatus {
  mode: SignupMode;
  /** No account exists yet: the next sign-up creates the admin, whatever the mode. */
  firstAccount: boolean;
}

/** A user as an admin sees it (`GET /api/v1/admin/users`). */
export interface AccountView extends User {
  /** When an admin disabled the account (it cannot sign in, none of its credentials work); null when enabled. */
  disabledAt: Date | null;
  /** The latest use of any of its sign-in sessions (noted at most hourly); null when it has none. */
  lastSeenAt: Date | null;
}

/** `PATCH /api/v1/admin/users/:id`. */
export interface AccountChange {
  role?: User['role'];
  disabled?: boolean;
}

/** A pending invite (`/api/v1/admin/invites`); its code is shown once, in the link, when it is created. */
export interface InviteView {
  id: string;
  /** Only this email may use it; null for anyone with the link. */
  email: string | null;
  expiresAt: Date;
  createdAt: Date;
}
