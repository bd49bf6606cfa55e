import { z } from 'zod';
import { ConflictError } from '../errors/conflict-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';
import type { User } from '../../protocol/user.ts';
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
});

const credentials = z.object({
  email: z.string().trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'is required').max(1_024, 'must be at most 1,024 characters'),
});

/** A signed-in session: its user, and the id that `onSessionRevoked` announces (the SHA-256 of its token). */
export interface AuthenticatedSession {
  user: User;
  sessionId: string;
}

/**
 * Sign-up, sign-in and token checks. Tokens are opaque and stored hashed; signing out deletes the session and
 * announces it, so connections opened with it (sockets) can end at once.
 */
export class AuthService {
  /** A real scrypt hash to verify against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly decoyHash = hashPassword('kiln-decoy-password');
  private readonly revocationListeners = new Set<(sessionId: string) => void>();

  constructor(
    private readonly users: UserRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(input: unknown): Promise<{ user: User; token: string }> {
    const { email, password, name } = parseInput(registration, input, 'registration');
    const user = await this.users.create({ email, name: name ?? null, passwordHash: await hashPassword(password) });
    if (!user) throw new ConflictError('email_taken', 'An account with this email already exists; sign in instead.');
    return { user, token: await this.openSession(user.id) };
  }

  async login(input: unknown): Promise<{ user: User; token: string }> {
    const { email, password } = parseInput(credentials, input, 'sign-in');
    const found = await this.users.findByEmailWithPasswordHash(email);
    const valid = await verifyPassword(password, found?.passwordHash ?? (await this.decoyHash));
    if (!found || !valid) throw new UnauthenticatedError('Wrong email or password.');
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
    const sessionId = hashSessionToken(token);
    const user = await this.users.findBySession(sessionId);
    if (!user) throw new UnauthenticatedError('This token is unknown or has expired; sign in again.');
    return { user, sessionId };
  }

  async logout(token: string): Promise<void> {
    const sessionId = hashSessionToken(token);
    await this.users.deleteSession(sessionId);
    for (const listener of this.revocationListeners) listener(sessionId);
  }

  /**
   * Calls `listener` with the id of each session this process revokes, once it is gone from the database.
   * Listeners run synchronously and must not throw. Another process's revocations are not announced here: a
   * holder of a long-lived connection also re-checks the session when it acts (`authenticateSession`).
   * Returns the unsubscribe.
   */
  onSessionRevoked(listener: (sessionId: string) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  private async openSession(userId: string) {
    const token = newSessionToken();
    await this.users.createSession(userId, hashSessionToken(token), new Date(this.now().getTime() + sessionLifetimeMs));
    return token;
  }
}

/** The token in an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
