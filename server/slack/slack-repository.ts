import type { Sql } from '../../platform/database/sql-query.ts';
import type { User } from '../../protocol/user.ts';

/** A Slack user, as one workspace (team) knows them. */
export interface SlackIdentity {
  teamId: string;
  slackUserId: string;
}

/** A Slack identity tied to a Kiln account, as the account's owner sees it. */
export interface SlackLink extends SlackIdentity {
  linkedAt: Date;
}

export type LinkOutcome = { linked: User; movedConversations: number } | { refused: 'unknown-code' | 'expired-code' };

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'member';
  created_at: Date;
  disabled_at: Date | null;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});

/** Tables whose rows a user owns (`owner_id`); a link moves them from the account Slack made to the linked one. */
export const tablesOwnedByUser = [
  'conversations',
  'messages',
  'turns',
  'runs',
  'session_approvals',
  'message_feedback',
  'export_archives',
];

/**
 * The Slack adapter's persistence: events taken (dedupe across retries, restarts and instances), Slack users'
 * Kiln accounts, one-time link codes and the thread ↔ conversation map.
 */
export class SlackRepository {
  constructor(private readonly sql: Sql) {}

  /** True the first time an event id is seen, by any Kiln instance; false for every retry or duplicate. */
  async claimEvent(eventId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO slack_events (event_id) VALUES ($1) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId],
      { prepared: true },
    );
    return rows.length === 1;
  }

  /** Forgets events taken before `before` (Slack retries within minutes; ids are kept far longer). */
  async forgetEvents(before: Date): Promise<number> {
    const rows = await this.sql.query(`DELETE FROM slack_events WHERE received_at < $1 RETURNING 1`, [before]);
    return rows.length;
  }

  /**
   * The Kiln account of a Slack user, created on first contact: origin `slack`, a member, no usable password
   * (an address under `.invalid`, which no mail can reach). `disabled` when an admin disabled the account.
   */
  async accountOf(identity: SlackIdentity, name: string | null): Promise<{ user: User; disabled: boolean }> {
    // Callers look with findAccount first; this looks again under the lock, for two first messages at once.
    return this.sql.transaction(async (query) => {
      await query(`SELECT pg_advisory_xact_lock(hashtext('kiln.slack.account:' || $1 || ':' || $2))`, [
        identity.teamId,
        identity.slackUserId,
      ]);
      const again = (await query(
        `SELECT u.id, u.email, u.name, u.role, u.created_at, u.disabled_at FROM slack_accounts a
           JOIN users u ON u.id = a.user_id WHERE a.team_id = $1 AND a.slack_user_id = $2`,
        [identity.teamId, identity.slackUserId],
      )) as unknown as UserRow[];
      if (again[0]) return { user: toUser(again[0]), disabled: again[0].disabled_at !== null };
      const email = `${identity.slackUserId}.${identity.teamId}@slack.invalid`.toLowerCase();
      const [row] = (await query(
        `INSERT INTO users (email, name, password_hash, role, origin) VALUES ($1, $2, 'slack:no-password', 'member', 'slack')
         ON CONFLICT ((lower(email))) DO UPDATE SET name = users.name
         RETURNING id, email, name, role, created_at, disabled_at`,
        [email, name],
      )) as unknown as UserRow[];
      await query(`INSERT INTO slack_accounts (team_id, slack_user_id, user_id) VALUES ($1, $2, $3)`, [
        identity.teamId,
        identity.slackUserId,
        row!.id,
      ]);
      return { user: toUser(row!), disabled: row!.disabled_at !== null };
    });
  }

  /** The Kiln account a Slack user already has, if any. */
  async findAccount(identity: SlackIdentity): Promise<{ user: User; disabled: boolean } | undefined> {
    const [row] = (await this.sql.query(
      `SELECT u.id, u.email, u.name, u.role, u.created_at, u.disabled_at FROM slack_accounts a
         JOIN users u ON u.id = a.user_id WHERE a.team_id = $1 AND a.slack_user_id = $2`,
      [identity.teamId, identity.slackUserId],
      { prepared: true },
    )) as unknown as UserRow[];
    return row ? { user: toUser(row), disabled: row.disabled_at !== null } : undefined;
  }

  /** The account a thread's conversation belongs to (undefined once deleted). */
  async userById(userId: string): Promise<User | undefined> {
    const [row] = (await this.sql.query(
      `SELECT id, email, name, role, created_at, disabled_at FROM users WHERE id = $1 AND disabled_at IS NULL`,
      [userId],
    )) as unknown as UserRow[];
    return row ? toUser(row) : undefined;
  }

  /** Stores a new one-time code for `userId` (its hash), replacing any earlier one. */
  async saveLinkCode(userId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.sql.transaction(async (query) => {
      await query(`DELETE FROM slack_link_codes WHERE user_id = $1 OR expires_at < now()`, [userId]);
      await query(`INSERT INTO slack_link_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
        codeHash,
        userId,
        expiresAt,
      ]);
    });
  }

  /**
   * Uses a link code: the Slack identity becomes the code owner's account. Conversations the identity had under
   * an account Slack made for it move to the linked account (and that account is removed), so they appear in
   * the web UI. The code is spent whatever the outcome.
   */
  async link(identity: SlackIdentity, codeHash: string): Promise<LinkOutcome> {
    return this.sql.transaction(async (query) => {
      // Statements in a transaction go through TypeORM, which wraps a DELETE's or UPDATE's RETURNING rows in
      // [rows, count]: each is written as a SELECT over a data-modifying WITH, which comes back as rows.
      const [code] = (await query(
        `WITH spent AS (DELETE FROM slack_link_codes WHERE code_hash = $1 RETURNING user_id, expires_at)
         SELECT user_id, expires_at FROM spent`,
        [codeHash],
      )) as { user_id: string; expires_at: Date }[];
      if (!code) return { refused: 'unknown-code' as const };
      if (code.expires_at.getTime() < Date.now()) return { refused: 'expired-code' as const };
      const [previous] = (await query(
        `SELECT a.user_id, u.origin FROM slack_accounts a JOIN users u ON u.id = a.user_id
          WHERE a.team_id = $1 AND a.slack_user_id = $2 FOR UPDATE OF a`,
        [identity.teamId, identity.slackUserId],
      )) as { user_id: string; origin: 'web' | 'slack' }[];
      let movedConversations = 0;
      if (previous && previous.origin === 'slack' && previous.user_id !== code.user_id) {
        for (const table of tablesOwnedByUser) {
          const [moved] = (await query(
            `WITH moved AS (UPDATE ${table} SET owner_id = $2 WHERE owner_id = $1 RETURNING 1)
             SELECT count(*)::int AS count FROM moved`,
            [previous.user_id, code.user_id],
          )) as { count: number }[];
          if (table === 'conversations') movedConversations = moved!.count;
        }
        await query(`DELETE FROM users WHERE id = $1 AND origin = 'slack'`, [previous.user_id]);
      }
      await query(
        `INSERT INTO slack_accounts (team_id, slack_user_id, user_id, linked_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (team_id, slack_user_id) DO UPDATE SET user_id = EXCLUDED.user_id, linked_at = now()`,
        [identity.teamId, identity.slackUserId, code.user_id],
      );
      const [user] = (await query(`SELECT id, email, name, role, created_at, disabled_at FROM users WHERE id = $1`, [
        code.user_id,
      ])) as unknown as UserRow[];
      return { linked: toUser(user!), movedConversations };
    });
  }

  /** The Slack identities linked to a (web) account. */
  async linksOf(userId: string): Promise<SlackLink[]> {
    const rows = (await this.sql.query(
      `SELECT team_id, slack_user_id, linked_at FROM slack_accounts
        WHERE user_id = $1 AND linked_at IS NOT NULL ORDER BY linked_at`,
      [userId],
    )) as { team_id: string; slack_user_id: string; linked_at: Date }[];
    return rows.map((row) => ({ teamId: row.team_id, slackUserId: row.slack_user_id, linkedAt: row.linked_at }));
  }

  /** Unlinks one identity of this account (Slack then makes it a new account of its own); false if none. */
  async unlink(userId: string, identity: SlackIdentity): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM slack_accounts WHERE user_id = $1 AND team_id = $2 AND slack_user_id = $3 RETURNING 1`,
      [userId, identity.teamId, identity.slackUserId],
    );
    return rows.length === 1;
  }

  /** The conversation a Slack thread (or a DM's ongoing thread `''`) is, with its owner; undefined if none (or deleted). */
  async conversationOf(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<{ conversationId: string; ownerId: string; projectId: string | null } | undefined> {
    const [row] = (await this.sql.query(
      `SELECT c.id, c.owner_id, c.project_id FROM slack_threads t JOIN conversations c ON c.id = t.conversation_id
        WHERE t.team_id = $1 AND t.channel_id = $2 AND t.thread_ts = $3`,
      [teamId, channelId, threadTs],
      { prepared: true },
    )) as { id: string; owner_id: string; project_id: string | null }[];
    return row ? { conversationId: row.id, ownerId: row.owner_id, projectId: row.project_id } : undefined;
  }

  /** Makes a thread (or a DM's ongoing thread `''`) this conversation from now on. */
  async bindThread(teamId: string, channelId: string, threadTs: string, conversationId: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO slack_threads (team_id, channel_id, thread_ts, conversation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET conversation_id = EXCLUDED.conversation_id`,
      [teamId, channelId, threadTs, conversationId],
    );
  }
}
