import { EntitySchema } from 'typeorm';

/** A row of `auth_sessions`: a sign-in, known only by the SHA-256 of its token. */
export interface AuthSessionRow {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export const AuthSessionEntity = new EntitySchema<AuthSessionRow>({
  name: 'AuthSession',
  tableName: 'auth_sessions',
  columns: {
    tokenHash: { name: 'token_hash', type: 'text', primary: true },
    userId: { name: 'user_id', type: 'uuid' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    lastUsedAt: { name: 'last_used_at', type: 'timestamptz', default: () => 'now()' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
  },
});
