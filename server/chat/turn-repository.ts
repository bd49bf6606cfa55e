import type { DataSource } from 'typeorm';
import type { MessageStatus } from '../conversations/conversation.ts';
import type { Engine, TurnEventOf, Usage } from './turn-events.ts';

export interface BeganTurn {
  turnId: string;
  userMessageId: string;
  assistantMessageId: string;
  /** Set when this was the conversation's first message and the title was derived from it. */
  title: string | undefined;
}

export type TurnOutcome = Exclude<MessageStatus, 'streaming'>;

export interface TurnRecordForRecovery {
  turnId: string;
  assistantMessageId: string;
  runner: string;
}

/** Turns and the two messages each one writes. Hides the SQL; callers see intents. */
export class TurnRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One transaction: the user's message (unless this regenerates an answer to
   * an existing one), the empty assistant message the answer will fill, the
   * turn row, and the conversation's active leaf. Nothing a user typed is
   * acknowledged before this commits.
   */
  async begin(input: {
    turnId: string;
    ownerId: string;
    conversationId: string;
    /** The new user message and its parent, or the existing user message being answered again. */
    message: { content: string; parentId: string | null } | { regenerateFor: string };
    engine: Engine;
    runner: string;
    titleFromMessage: string | undefined;
  }): Promise<BeganTurn> {
    return this.dataSource.transaction(async (manager) => {
      let userMessageId: string;
      if ('regenerateFor' in input.message) {
        userMessageId = input.message.regenerateFor;
      } else {
        const [row] = (await manager.query(
          `INSERT INTO messages (conversation_id, owner_id, parent_id, role, content, status)
           VALUES ($1, $2, $3, 'user', $4, 'complete') RETURNING id`,
          [input.conversationId, input.ownerId, input.message.parentId, input.message.content],
        )) as { id: string }[];
        userMessageId = row!.id;
      }
      const [assistant] = (await manager.query(
        `INSERT INTO messages (conversation_id, owner_id, parent_id, role, content, status)
         VALUES ($1, $2, $3, 'assistant', '', 'streaming') RETURNING id`,
        [input.conversationId, input.ownerId, userMessageId],
      )) as { id: string }[];
      await manager.query(
        `INSERT INTO turns (id, conversation_id, owner_id, user_message_id, assistant_message_id, status, engine, runner)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $7)`,
        [input.turnId, input.conversationId, input.ownerId, userMessageId, assistant!.id, input.engine, input.runner],
      );
      const [[conversation]] = (await manager.query(
        `UPDATE conversations SET active_leaf_id = $2, updated_at = now(),
                title = CASE WHEN $3::text IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM messages WHERE conversation_id = $1 AND role = 'user' AND id <> $4
                ) THEN $3::text ELSE title END
         WHERE id = $1 RETURNING title`,
        [input.conversationId, assistant!.id, input.titleFromMessage ?? null, userMessageId],
      )) as [[{ title: string }], number];
      const titled = input.titleFromMessage !== undefined && conversation?.title === input.titleFromMessage;
      return { turnId: input.turnId, userMessageId, assistantMessageId: assistant!.id, title: titled ? conversation.title : undefined };
    });
  }

  async recordIntent(turnId: string, intent: Omit<TurnEventOf<'intent'>, 'turnId' | 'seq' | 'type'>): Promise<void> {
    await this.dataSource.query(`UPDATE turns SET intent = $2 WHERE id = $1`, [turnId, intent]);
  }

  /** The answer so far, while it streams (the persister calls this at most about once a second per turn). */
  async saveProgress(assistantMessageId: string, content: string): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET content = $2, updated_at = now() WHERE id = $1 AND status = 'streaming'`, [
      assistantMessageId,
      content,
    ]);
  }

  async finish(input: {
    turnId: string;
    assistantMessageId: string;
    status: TurnOutcome;
    content: string;
    usage: Usage | null;
    latency: { firstTokenMs: number | null; totalMs: number } | null;
    error: { code: string; message: string } | null;
  }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE messages SET content = $2, status = $3, usage = $4, updated_at = now() WHERE id = $1`, [
        input.assistantMessageId,
        input.content,
        input.status,
        input.usage,
      ]);
      await manager.query(
        `UPDATE turns SET status = $2, usage = $3, latency = $4, error = $5, ended_at = now() WHERE id = $1`,
        [input.turnId, input.status, input.usage, input.latency, input.error],
      );
    });
  }

  async running(): Promise<TurnRecordForRecovery[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, assistant_message_id, runner FROM turns WHERE status = 'running'`,
    )) as { id: string; assistant_message_id: string; runner: string }[];
    return rows.map((row) => ({ turnId: row.id, assistantMessageId: row.assistant_message_id, runner: row.runner }));
  }

  /** Closes turns whose runner died: the partial answer stays, marked `interrupted`. */
  async markInterrupted(turnIds: string[]): Promise<number> {
    if (turnIds.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE messages SET status = 'interrupted', updated_at = now()
         WHERE id IN (SELECT assistant_message_id FROM turns WHERE id = ANY($1::uuid[]) AND status = 'running')`,
        [turnIds],
      );
      const [, count] = (await manager.query(
        `UPDATE turns SET status = 'interrupted', ended_at = now(),
                error = '{"code":"interrupted","message":"The server stopped while this answer was being written."}'
         WHERE id = ANY($1::uuid[]) AND status = 'running'`,
        [turnIds],
      )) as [unknown, number];
      return count;
    });
  }

  /** Turns with no progress written for `idleMs` (their runner is presumably gone, on another host). */
  async silentSince(idleMs: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id FROM turns t JOIN messages m ON m.id = t.assistant_message_id
       WHERE t.status = 'running' AND m.updated_at < now() - ($1::int * interval '1 millisecond')`,
      [idleMs],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
