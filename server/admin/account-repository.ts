import type { AccountChange, AccountView } from '../../protocol/account.ts';
import type { Sql } from '../../platform/database/sql-query.ts';

type AccountRow = {
  id: string;
  email: string;
  name: string | null;
  role: AccountView['role'];
  created_at: Date;
  disabled_at: Date | null;
  last_seen_at: Date | null;
};

const toView = (row: AccountRow): AccountView => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  lastSeenAt: row.last_seen_at,
});

const columns = `u.id, u.email, u.name, u.role, u.created_at, u.disabled_at,
  (SELECT max(s.last_used_at) FROM auth_sessions s WHERE s.user_id = u.id) AS last_seen_at`;

/** What came of an account change: the account before and after it, or why it was not made. */
export type AccountChangeResult =
  { status: 'changed'; before: AccountView; after: AccountView } | { status: 'not-found' } | { status: 'last-admin' };

/** Every account as an admin sees it, and the changes an admin makes (role, disabled). */
export class AccountRepository {
  constructor(private readonly sql: Sql) {}

  /** All accounts, oldest first (the first is the installation's first admin). */
  async list(): Promise<AccountView[]> {
    const rows = (await this.sql.query(`SELECT ${columns} FROM users u ORDER BY u.created_at, u.id`)) as AccountRow[];
    return rows.map(toView);
  }

  /**
   * Changes an account's role and whether it is disabled, unless that would leave no enabled admin (then
   * 'last-admin', nothing changed). Changes are serialised, so two admins cannot demote each other at once.
   */
  async change(userId: string, change: AccountChange): Promise<AccountChangeResult> {
    return this.sql.transaction(async (query) => {
      await query(`SELECT pg_advisory_xact_lock(hashtext('kiln.users.admins'))`);
      const [before] = (await query(`SELECT ${columns} FROM users u WHERE u.id = $1`, [userId])) as AccountRow[];
      if (!before) return { status: 'not-found' };
      const role = change.role ?? before.role;
      const disabled = change.disabled ?? before.disabled_at !== null;
      const staysActiveAdmin = role === 'admin' && !disabled;
      if (before.role === 'admin' && before.disabled_at === null && !staysActiveAdmin) {
        const [others] = (await query(
          `SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`,
          [userId],
        )) as { count: number }[];
        if (others!.count === 0) return { status: 'last-admin' };
      }
      await query(
        `UPDATE users SET role = $2, updated_at = now(),
           disabled_at = CASE WHEN $3::boolean THEN coalesce(disabled_at, now()) ELSE NULL END
         WHERE id = $1`,
        [userId, role, disabled],
      );
      const [after] = (await query(`SELECT ${columns} FROM users u WHERE u.id = $1`, [userId])) as AccountRow[];
      return { status: 'changed', before: toView(before), after: toView(after!) };
    });
  }
}
