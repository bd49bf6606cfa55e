import type { ApiKeyScope, ApiKeyView } from '../../protocol/api-key.ts';
import type { User } from '../../protocol/user.ts';
import type { Sql } from '../../platform/database/sql-query.ts';

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const columns = `k.id, k.name, k.prefix, k.scopes, k.created_at, k.expires_at, k.last_used_at, k.revoked_at`;

const toView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** A key found by its hash, with why it may not be used (when it may not). */
export type FoundApiKey = { key: ApiKeyView; user: User; unusable?: 'revoked' | 'expired' };

/** API keys in Postgres (`api_keys`), always scoped to their owner except the lookup by hash. */
export class ApiKeyRepository {
  constructor(private readonly sql: Sql) {}

  async create(input: {
    userId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: ApiKeyScope[];
    expiresAt: Date | null;
  }): Promise<ApiKeyView> {
    const [row] = (await this.sql.query(
      `INSERT INTO api_keys AS k (user_id, name, prefix, token_hash, scopes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
      [input.userId, input.name, input.prefix, input.tokenHash, input.scopes, input.expiresAt],
    )) as unknown as ApiKeyRow[];
    return toView(row!);
  }

  /** A user's keys, newest first, revoked ones included (their owner sees when). */
  async listOf(userId: string): Promise<ApiKeyView[]> {
    const rows = (await this.sql.query(
      `SELECT ${columns} FROM api_keys k WHERE k.user_id = $1 ORDER BY k.created_at DESC, k.id`,
      [userId],
    )) as unknown as ApiKeyRow[];
    return rows.map(toView);
  }

  /** Revokes one of a user's keys; undefined when the user has no such key. Revoking twice keeps the first time. */
  async revoke(userId: string, id: string): Promise<ApiKeyView | undefined> {
    const [row] = (await this.sql.query(
      `UPDATE api_keys AS k SET revoked_at = coalesce(k.revoked_at, now())
       WHERE k.id = $1 AND k.user_id = $2 RETURNING ${columns}`,
      [id, userId],
    )) as unknown as ApiKeyRow[];
    return row ? toView(row) : undefined;
  }

  /**
   * The key with this hash and its (enabled) owner. Notes the key's use at most once a minute, so reads stay
   * reads. A disabled owner's keys are not found at all.
   */
  async findByHash(tokenHash: string): Promise<FoundApiKey | undefined> {
    const [row] = (await this.sql.query(
      `SELECT ${columns}, k.expires_at <= now() AS expired,
              k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' AS stale,
              u.id AS user_id, u.email, u.name AS user_name, u.role, u.created_at AS user_created_at
       FROM api_keys k JOIN users u ON u.id = k.user_id
       WHERE k.token_hash = $1 AND u.disabled_at IS NULL`,
      [tokenHash],
      { prepared: true },
    )) as unknown as (ApiKeyRow & {
      expired: boolean | null;
      stale: boolean;
      user_id: string;
      email: string;
      user_name: string | null;
      role: User['role'];
      user_created_at: Date;
    })[];
    if (!row) return undefined;
    const user: User = {
      id: row.user_id,
      email: row.email,
      name: row.user_name,
      role: row.role,
      createdAt: row.user_created_at,
    };
    const unusable = row.revoked_at ? 'revoked' : row.expired ? 'expired' : undefined;
    if (!unusable && row.stale) {
      await this.sql.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]);
    }
    return { key: toView(row), user, ...(unusable ? { unusable } : {}) };
  }
}
