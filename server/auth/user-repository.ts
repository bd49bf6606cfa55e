import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthSessionEntity, type AuthSessionRow } from '../persistence/entities/auth-session-entity.ts';
import type { SignupMode } from '../../protocol/account.ts';
import type { User } from '../../protocol/user.ts';

interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'member';
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

const userColumns = 'id, email, name, role, password_hash, created_at, disabled_at';

/** A new account, or why it was not created (see UserRepository.create). */
export type Registration = { user: User; refused?: undefined } | { refused: RegistrationRefusal };
export type RegistrationRefusal =
  | 'email-taken'
  | 'signup-closed'
  | 'invite-required'
  | 'invite-unknown'
  | 'invite-used'
  | 'invite-expired'
  | 'invite-for-another-email';

const toUser = (row: UserRecord): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});

/** Accounts and their sign-in sessions. */
export class UserRepository {
  private readonly sessions: Repository<AuthSessionRow>;

  constructor(private readonly dataSource: DataSource) {
    this.sessions = dataSource.getRepository(AuthSessionEntity);
  }

  /**
   * Creates an account; the first account of the installation becomes admin and is always admitted. Any other
   * follows the sign-up mode: `off` admits nobody, `invite` only with a pending invite (used up here, in the same
   * transaction, and only if it was made for this email or for anyone). Refused when the email is taken
   * (case-insensitively); an invite is then left unused.
   */
  async create(
    input: { email: string; name: string | null; passwordHash: string },
    admission: { mode: SignupMode; inviteCodeHash?: string } = { mode: 'open' },
  ): Promise<Registration> {
    return this.dataSource.transaction(async (manager) => {
      // Serialise sign-ups so two first users cannot both become admin, nor two people use one invite.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kiln.users.create'))`);
      const [existing] = (await manager.query(
        `SELECT EXISTS (SELECT 1 FROM users WHERE origin = 'web') AS any, EXISTS (SELECT 1 FROM users WHERE lower(email) = lower($1)) AS taken`,
        [input.email],
      )) as { any: boolean; taken: boolean }[];
      // Admission first: where sign-up is closed, nobody learns which emails have accounts.
      const invite = existing!.any ? await checkInvite(manager, input.email, admission) : undefined;
      if (invite && invite !== 'usable') return { refused: invite };
      if (existing!.taken) return { refused: 'email-taken' };
      const rows = (await manager.query(
        `INSERT INTO users (email, name, password_hash, role)
         VALUES ($1, $2, $3, CASE WHEN $4::boolean THEN 'member' ELSE 'admin' END)
         RETURNING ${userColumns}`,
        [input.email, input.name, input.passwordHash, existing!.any],
      )) as UserRecord[];
      const user = toUser(rows[0]!);
      if (invite === 'usable') {
        await manager.query(`UPDATE invites SET used_at = now(), used_by = $2 WHERE code_hash = $1`, [
          admission.inviteCodeHash,
          user.id,
        ]);
      }
      return { user };
    });
  }

  /** Whether any account exists (none: the next sign-up creates the admin). */
  async any(): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM users WHERE origin = 'web') AS any`)) as {
      any: boolean;
    }[];
    return row!.any;
  }

  /** The account with this email, disabled or not (sign-in tells a disabled account only after the password). */
  async findByEmailWithPasswordHash(
    email: string,
  ): Promise<{ user: User; passwordHash: string; disabledAt: Date | null } | undefined> {
    const [row] = (await this.dataSource.query(`SELECT ${userColumns} FROM users WHERE lower(email) = lower($1)`, [
      email,
    ])) as UserRecord[];
    return row ? { user: toUser(row), passwordHash: row.password_hash, disabledAt: row.disabled_at } : undefined;
  }

  /** Stores a new hash of the same password (stronger parameters). */
  async updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.sessions.insert({ tokenHash, userId, expiresAt });
  }

  /** The (enabled) user of a live session. Notes the session's use at most once an hour, so reads stay reads. */
  async findBySession(tokenHash: string): Promise<User | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.password_hash, u.created_at,
              s.last_used_at < now() - interval '1 hour' AS stale
       FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    )) as (UserRecord & { stale: boolean })[];
    if (!row) return undefined;
    if (row.stale) await this.sessions.update({ tokenHash }, { lastUsedAt: () => 'now()' });
    return toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  /** Deletes every session of a user; returns their token hashes (the ids revocation announces). */
  async deleteSessionsOf(userId: string): Promise<string[]> {
    // As a CTE, so the driver answers with plain rows (a bare DELETE … RETURNING comes back as [rows, count]).
    const deleted = (await this.dataSource.query(
      `WITH deleted AS (DELETE FROM auth_sessions WHERE user_id = $1 RETURNING token_hash) SELECT token_hash FROM deleted`,
      [userId],
    )) as { token_hash: string }[];
    return deleted.map((row) => row.token_hash);
  }
}

/**
 * Whether a sign-up may go ahead (in `create`'s transaction, the invite's row locked): 'usable' when it brings an
 * invite to use up, undefined when it needs none, else why it is refused.
 */
async function checkInvite(
  manager: EntityManager,
  email: string,
  admission: { mode: SignupMode; inviteCodeHash?: string },
): Promise<RegistrationRefusal | 'usable' | undefined> {
  if (admission.mode === 'off') return 'signup-closed';
  if (!admission.inviteCodeHash) return admission.mode === 'invite' ? 'invite-required' : undefined;
  const [invite] = (await manager.query(
    `SELECT used_at IS NOT NULL OR revoked_at IS NOT NULL AS used, expires_at <= now() AS expired,
            email IS NOT NULL AND lower(email) <> lower($2) AS other_email
     FROM invites WHERE code_hash = $1 FOR UPDATE`,
    [admission.inviteCodeHash, email],
  )) as { used: boolean; expired: boolean; other_email: boolean }[];
  // With open sign-up an invite is a courtesy: a bad one does not stop anyone.
  const refusal = !invite
    ? 'invite-unknown'
    : invite.used
      ? 'invite-used'
      : invite.expired
        ? 'invite-expired'
        : invite.other_email
          ? 'invite-for-another-email'
          : undefined;
  if (refusal) return admission.mode === 'invite' ? refusal : undefined;
  return 'usable';
}
