import type { DataSource, Repository } from 'typeorm';
import { answerRecords, type AnswerWithFeedback } from './answer-records.ts';
import { MessageEntity, type MessageRow } from '../persistence/entities/message-entity.ts';
import { TurnEntity, type TurnRow } from '../persistence/entities/turn-entity.ts';
import type { MessageStatus } from '../../protocol/conversation.ts';
import type { TurnDetails } from '../../protocol/turn-details.ts';
import type { Engine, TurnEventOf, Usage } from '../../protocol/turn-events.ts';

export interface BeganTurn {
  turnId: string;
  userMessageId: string;
  assistantMessageId: string;
  /** Set when this was the conversation's first message and the title was derived from it. */
  title: string | undefined;
}

/** Postgres' SQLSTATE for an insert referencing a row that is not there (any more). */
const foreignKeyViolation = '23503';

export type TurnOutcome = Exclude<MessageStatus, 'streaming'>;

export interface TurnRecordForRecovery {
  turnId: string;
  assistantMessageId: string;
  runner: string;
}

/** Turns and the two messages each one writes. Hides the SQL; callers see intents. */
export class TurnRepository {
  private readonly turnRows: Repository<TurnRow>;
  private readonly messageRows: Repository<MessageRow>;

  constructor(private readonly dataSource: DataSource) {
    this.turnRows = dataSource.getRepository(TurnEntity);
    this.messageRows = dataSource.getRepository(MessageEntity);
  }

  /**
   * One statement (so one round trip, and atomic): the user's message (unless
   * this regenerates an answer to an existing one), the empty assistant message
   * the answer will fill, the turn row, and the conversation's active leaf and
   * activity time, plus its title when this is its first message. Nothing a user
   * typed is acknowledged before this commits. Undefined, with nothing written, when the conversation was
   * deleted meanwhile.
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
    /** The router's decision, known before the turn begins: stored with the turn row, not by a write of its own. */
    intent: Omit<TurnEventOf<'intent'>, 'turnId' | 'seq' | 'type'>;
  }): Promise<BeganTurn | undefined> {
    const regenerateFor = 'regenerateFor' in input.message ? input.message.regenerateFor : null;
    const newMessage = 'content' in input.message ? input.message : { content: null, parentId: null };
    const statement = this.dataSource.query(
      `WITH new_question AS (
         INSERT INTO messages (conversation_id, owner_id, parent_id, role, content, status)
         SELECT $1, $2, $3, 'user', $4, 'complete' WHERE $5::uuid IS NULL
         RETURNING id
       ), question AS (
         SELECT id FROM new_question UNION ALL SELECT $5::uuid WHERE $5::uuid IS NOT NULL
       ), answer AS (
         INSERT INTO messages (conversation_id, owner_id, parent_id, role, content, status)
         SELECT $1, $2, question.id, 'assistant', '', 'streaming' FROM question
         RETURNING id, parent_id
       ), turn AS (
         INSERT INTO turns (id, conversation_id, owner_id, user_message_id, assistant_message_id, status, engine, runner, intent)
         SELECT $6, $1, $2, answer.parent_id, answer.id, 'running', $7, $8, $10::jsonb FROM answer
       ), conversation AS (
         -- Every part of the statement sees the messages as they were before it: "no user message yet" means this is the first.
         UPDATE conversations SET active_leaf_id = answer.id, updated_at = now(),
                title = CASE WHEN $9::text IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM messages WHERE conversation_id = $1 AND role = 'user'
                ) THEN $9::text ELSE title END
         FROM answer WHERE conversations.id = $1
         RETURNING conversations.title
       )
       SELECT answer.id AS assistant_message_id, answer.parent_id AS user_message_id, conversation.title
       FROM answer, conversation`,
      [
        input.conversationId,
        input.ownerId,
        newMessage.parentId,
        newMessage.content,
        regenerateFor,
        input.turnId,
        input.engine,
        input.runner,
        input.titleFromMessage ?? null,
        JSON.stringify(input.intent),
      ],
    ) as Promise<{ assistant_message_id: string; user_message_id: string; title: string }[]>;
    const [row] = await statement.catch((error: unknown) => {
      // A delete that committed meanwhile: the new rows' reference to the conversation (or, when regenerating,
      // to the question it cascaded) fails, and the whole statement with it.
      if ((error as { code?: string }).code === foreignKeyViolation) return [];
      throw error;
    });
    if (!row) return undefined;
    const titled = input.titleFromMessage !== undefined && row.title === input.titleFromMessage;
    return {
      turnId: input.turnId,
      userMessageId: row.user_message_id,
      assistantMessageId: row.assistant_message_id,
      title: titled ? row.title : undefined,
    };
  }

  /** The answer so far, while it streams (the persister calls this at most about once a second per turn). */
  async saveProgress(assistantMessageId: string, content: string): Promise<void> {
    await this.messageRows.update({ id: assistantMessageId, status: 'streaming' }, { content });
  }

  async finish(input: {
    turnId: string;
    assistantMessageId: string;
    status: TurnOutcome;
    content: string;
    usage: Usage | null;
    latency: { firstTokenMs: number | null; totalMs: number } | null;
    error: { code: string; message: string } | null;
    details: TurnDetails;
  }): Promise<void> {
    // One statement, so one round trip and one commit on the path every turn takes.
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    await this.dataSource.query(
      `WITH answer AS (
         UPDATE messages SET content = $2, status = $3, usage = $4::jsonb, updated_at = now() WHERE id = $1
       )
       UPDATE turns SET status = $3, usage = $4::jsonb, latency = $6::jsonb, error = $7::jsonb, details = $8::jsonb,
              ended_at = now()
       WHERE id = $5`,
      [
        input.assistantMessageId,
        input.content,
        input.status,
        json(input.usage),
        input.turnId,
        json(input.latency),
        json(input.error),
        JSON.stringify(input.details),
      ],
    );
  }

  /** The turns behind these assistant messages of one conversation, with their owner's rating, by message id. */
  answersFor(conversationId: string, assistantMessageIds: string[]): Promise<Map<string, AnswerWithFeedback>> {
    return answerRecords(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      conversationId,
      assistantMessageIds,
    );
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
