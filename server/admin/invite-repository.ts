import type { InviteView } from '../../protocol/account.ts';
import type { Sql } from '../../platform/database/sql-query.ts';

type InviteRow = {
  id: string;
  email: string | null;
  expires_at: Date;
  created_at: Date;
};

const columns = 'id, email, expires_at, created_at';

const toView = (row: InviteRow): InviteView => ({
  id: row.id,
  email: row.email,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
});

/** Invites to sign up (`invites`), stored by the hash of their code. Sign-up uses them up (UserRepository.create). */
export class InviteRepository {
  constructor(private readonly sql: Sql) {}

  async create(input: {
    codeHash: string;
    email: string | null;
    createdBy: string;
    expiresAt: Date;
  }): Promise<InviteView> {
    const [row] = (await this.sql.query(
      `INSERT INTO invites (code_hash, email, created_by, expires_at) VALUES ($1, $2, $3, $4) RETURNING ${columns}`,
      [input.codeHash, input.email, input.createdBy, input.expiresAt],
    )) as InviteRow[];
    return toView(row!);
  }

  /** Invites not yet used, revoked or expired, newest first. */
  async listPending(): Promise<InviteView[]> {
    const rows = (await this.sql.query(
      `SELECT ${columns} FROM invites
       WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC, id`,
    )) as InviteRow[];
    return rows.map(toView);
  }

  /** Revokes a pending invite; undefined when there is no such pending invite. */
  async revoke(id: string): Promise<InviteView | undefined> {
    const [row] = (await this.sql.query(
      `UPDATE invites SET revoked_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL
       RETURNING ${columns}`,
      [id],
    )) as InviteRow[];
    return row ? toView(row) : undefined;
  }
}
