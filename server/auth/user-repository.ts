import type { DataSource, Repository } from 'typeorm';
import { AuthSessionEntity, type AuthSessionRow } from '../persistence/entities/auth-session-entity.ts';
import type { User } from '../../protocol/user.ts';

interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'member';
  password_hash: string;
  created_at: Date;
}

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
   * Creates an account; the first account of the installation becomes admin.
   * Returns undefined when the email is taken (case-insensitively).
   */
  async create(input: { email: string; name: string | null; passwordHash: string }): Promise<User | undefined> {
    return this.dataSource.transaction(async (manager) => {
      // Serialise sign-ups so two first users cannot both become admin.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kiln.users.create'))`);
      const rows = (await manager.query(
        `INSERT INTO users (email, name, password_hash, role)
         SELECT $1, $2, $3, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'admin' END
         ON CONFLICT ((lower(email))) DO NOTHING
         RETURNING id, email, name, role, password_hash, created_at`,
        [input.email, input.name, input.passwordHash],
      )) as UserRecord[];
      return rows[0] ? toUser(rows[0]) : undefined;
    });
  }

  async findByEmailWithPasswordHash(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, email, name, role, password_hash, created_at FROM users WHERE lower(email) = lower($1)`,
      [email],
    )) as UserRecord[];
    return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
  }

  /** Stores a new hash of the same password (stronger parameters). */
  async updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.sessions.insert({ tokenHash, userId, expiresAt });
  }

  /** The user of a live session. Notes the session's use at most once an hour, so reads stay reads. */
  async findBySession(tokenHash: string): Promise<User | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.password_hash, u.created_at,
              s.last_used_at < now() - interval '1 hour' AS stale
       FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    )) as (UserRecord & { stale: boolean })[];
    if (!row) return undefined;
    if (row.stale) await this.sessions.update({ tokenHash }, { lastUsedAt: () => 'now()' });
    return toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }
}
