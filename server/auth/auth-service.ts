import { z } from 'zod';
import { AccountDisabledError } from '../errors/account-disabled-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.ts';
import type { ApiKeyRepository } from './api-key-repository.ts';
import { apiKeyPrefix, hashSessionToken, newSessionToken } from './session-token.ts';
import type { ApiKeyScope } from '../../protocol/api-key.ts';
import type { SignupMode, SignupStatus } from '../../protocol/account.ts';
import type { User } from '../../protocol/user.ts';
import { registrationRefusalError } from './registration-refusal-error.ts';
import type { UserRepository } from './user-repository.ts';

const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

const registration = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an email address' }))
    .pipe(z.string().max(254)),
  password: z.string().min(8, 'must be at least 8 characters').max(256, 'must be at most 256 characters'),
  name: z.string().trim().min(1).max(100).optional(),
  invite: z.string().trim().min(1).max(200).optional(),
});

const credentials = z.object({
  email: z.string().trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'is required').max(1_024, 'must be at most 1,024 characters'),
});

/**
 * A signed-in session or an API key: its user, the id that `onSessionRevoked` announces when it is revoked (the
 * SHA-256 of a session token, `key:<id>` for a key), and what it may do (`all` for a browser session).
 */
export interface AuthenticatedSession {
  user: User;
  sessionId: string;
  kind: 'session' | 'api-key';
  scopes: readonly ApiKeyScope[] | 'all';
}

/**
 * Sign-up, sign-in and token checks. Tokens are opaque and stored hashed; signing out deletes the session and
 * announces it, so connections opened with it (sockets) can end at once.
 */
export class AuthService {
  /** A real scrypt hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly decoyHash = hashPassword('kiln-decoy-password');
  private readonly revocationListeners = new Set<(sessionId: string, from: RevokedFrom) => void>();

  constructor(
    private readonly users: UserRepository,
    private readonly now: () => Date = () => new Date(),
    /** Where API keys are looked up; without it only session tokens authenticate. */
    private readonly apiKeys?: Pick<ApiKeyRepository, 'findByHash' | 'listOf'>,
    /** KILN_SIGNUP: who may create an account (the first account can always be created). */
    private readonly signup: SignupMode = 'open',
  ) {}

  /** Creates an account (with `invite`, the code of an invite link, when sign-up is by invitation) and signs in. */
  async register(input: unknown): Promise<{ user: User; token: string }> {
    const { email, password, name, invite } = parseInput(registration, input, 'registration');
    if (this.signup !== 'open' && (await this.users.any())) {
      // Refuse before hashing: a closed sign-up costs the server nothing. The repository checks again, atomically.
      if (this.signup === 'off') throw registrationRefusalError('signup-closed');
      if (!invite) throw registrationRefusalError('invite-required');
    }
    const created = await this.users.create(
      { email, name: name ?? null, passwordHash: await hashPassword(password) },
      { mode: this.signup, inviteCodeHash: invite ? hashSessionToken(invite) : undefined },
    );
    if (created.refused) throw registrationRefusalError(created.refused);
    return { user: created.user, token: await this.openSession(created.user.id) };
  }

  /** What the sign-up page should say: the mode, and whether the next account is the first (always allowed). */
  async signupStatus(): Promise<SignupStatus> {
    return { mode: this.signup, firstAccount: !(await this.users.any()) };
  }

  async login(input: unknown): Promise<{ user: User; token: string }> {
    const { email, password } = parseInput(credentials, input, 'sign-in');
    const found = await this.users.findByEmailWithPasswordHash(email);
    const valid = await verifyPassword(password, found?.passwordHash ?? (await this.decoyHash));
    if (!found || !valid) throw new UnauthenticatedError('Wrong email or password.');
    if (found.disabledAt) throw new AccountDisabledError();
    // A hash made with weaker parameters than today's is replaced now, while the password is at hand.
    if (needsRehash(found.passwordHash)) {
      await this.users.updatePasswordHash(found.user.id, await hashPassword(password));
    }
    return { user: found.user, token: await this.openSession(found.user.id) };
  }

  /** The user a bearer token belongs to, or UnauthenticatedError. */
  async authenticate(token: string | undefined): Promise<User> {
    return (await this.authenticateSession(token)).user;
  }

  /** The live session of a bearer token, or UnauthenticatedError. */
  async authenticateSession(token: string | undefined): Promise<AuthenticatedSession> {
    if (!token) throw new UnauthenticatedError();
    if (token.startsWith(apiKeyPrefix) && this.apiKeys) {
      const found = await this.apiKeys.findByHash(hashSessionToken(token));
      if (found?.unusable === 'revoked') throw new UnauthenticatedError('This API key was revoked.');
      if (found?.unusable === 'expired') throw new UnauthenticatedError('This API key has expired.');
      if (found)
        return {
          user: found.user,
          sessionId: apiKeySessionId(found.key.id),
          kind: 'api-key',
          scopes: found.key.scopes,
        };
    }
    const sessionId = hashSessionToken(token);
    const user = await this.users.findBySession(sessionId);
    if (!user) throw new UnauthenticatedError('This token is unknown or has expired; sign in again.');
    return { user, sessionId, kind: 'session', scopes: 'all' };
  }

  async logout(token: string): Promise<void> {
    const sessionId = hashSessionToken(token);
    await this.users.deleteSession(sessionId);
    this.announceRevoked(sessionId);
  }

  /** Ends every session of a user (disabled, deleted, password changed); their sockets end at once. */
  async revokeUserSessions(userId: string): Promise<void> {
    for (const sessionId of await this.users.deleteSessionsOf(userId)) this.announceRevoked(sessionId);
    // Keys stay (their owner may be enabled again) but stop working with the user; their sockets end now.
    for (const key of (await this.apiKeys?.listOf(userId)) ?? []) this.announceRevoked(apiKeySessionId(key.id));
  }

  /**
   * Tells every listener that a credential is gone (a session's hash, or `apiKeySessionId` of a key): revoked by
   * this process, or (`elsewhere`) by another server on the same database, which told this one.
   */
  announceRevoked(sessionId: string, from: RevokedFrom = 'here') {
    for (const listener of this.revocationListeners) listener(sessionId, from);
  }

  /**
   * Calls `listener` with the id of each session revoked, once it is gone from the database: by this process, or
   * by another server that passed it on (KILN_CLUSTER=on). Listeners run synchronously and must not throw. A
   * holder of a long-lived connection also re-checks the session when it acts (`authenticateSession`), for a
   * revocation no server announced (a session that expired). Returns the unsubscribe.
   */
  onSessionRevoked(listener: (sessionId: string, from: RevokedFrom) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  private async openSession(userId: string) {
    const token = newSessionToken();
    await this.users.createSession(userId, hashSessionToken(token), new Date(this.now().getTime() + sessionLifetimeMs));
    return token;
  }
}

/** Where a revocation was made: in this process, or on another server on the same database. */
export type RevokedFrom = 'here' | 'elsewhere';

/** The id under which an API key's revocation is announced (sessions use their token's hash). */
export const apiKeySessionId = (keyId: string) => `key:${keyId}`;
