import type { DataSource } from 'typeorm';
import { answerRecords, type AnswerWithFeedback } from './answer-records.ts';
import type { MessageStatus } from '../../protocol/conversation.ts';
import type { TurnDetails } from '../../protocol/turn-details.ts';
import type { Engine, TurnEventOf, Usage } from '../../protocol/turn-events.ts';
import type { StoredTurn, TurnReplay } from './turn-replay.ts';

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
  constructor(private readonly dataSource: DataSource) {}

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

  /**
   * The answer so far and the events that wrote it, while it streams (the persister calls this at most about once
   * a second per turn). Both in one statement, so the replay's offsets always fit the saved text.
   */
  async saveProgress(turnId: string, assistantMessageId: string, content: string, replay: TurnReplay): Promise<void> {
    await this.dataSource.query(
      `WITH answer AS (
         UPDATE messages SET content = $2, updated_at = now() WHERE id = $1 AND status = 'streaming'
       )
       UPDATE turns SET replay = $4::jsonb WHERE id = $3 AND status = 'running'`,
      [assistantMessageId, content, turnId, JSON.stringify(replay)],
    );
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
    replay: TurnReplay;
  }): Promise<void> {
    // One statement, so one round trip and one commit on the path every turn takes.
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    await this.dataSource.query(
      `WITH answer AS (
         UPDATE messages SET content = $2, status = $3, usage = $4::jsonb, updated_at = now() WHERE id = $1
       )
       UPDATE turns SET status = $3, usage = $4::jsonb, latency = $6::jsonb, error = $7::jsonb, details = $8::jsonb,
              replay = $9::jsonb, ended_at = now()
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
        JSON.stringify(input.replay),
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

  /** A turn of this owner as Postgres has it, for replaying it on an instance that does not run it. */
  async stored(turnId: string, ownerId: string): Promise<StoredTurn | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT t.id, t.conversation_id, t.user_message_id, t.assistant_message_id, t.status, t.engine, t.replay,
              t.usage, t.latency, t.error, m.content
       FROM turns t JOIN messages m ON m.id = t.assistant_message_id
       WHERE t.id = $1 AND t.owner_id = $2`,
      [turnId, ownerId],
    )) as StoredTurnRow[];
    return rows[0] && storedTurnOf(rows[0]);
  }

  /**
   * Closes, as `interrupted`, every running turn whose runner's lease has lapsed (no heartbeat for `lapseMs`): its
   * server died. Each turn is closed by one survivor only (the rows are locked, and another sweep skips them).
   */
  interruptLapsed(lapseMs: number): Promise<(StoredTurn & { ownerId: string })[]> {
    return this.interrupt(
      `SELECT t.id FROM turns t
       WHERE t.status = 'running' AND NOT EXISTS (
         SELECT 1 FROM kiln_instances i
         WHERE i.id = t.runner AND i.heartbeat_at > now() - ($1::int * interval '1 millisecond')
       )`,
      [lapseMs],
      'The server running this answer stopped; the part written so far is kept.',
    );
  }

  async running(): Promise<TurnRecordForRecovery[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, assistant_message_id, runner FROM turns WHERE status = 'running'`,
    )) as { id: string; assistant_message_id: string; runner: string }[];
    return rows.map((row) => ({ turnId: row.id, assistantMessageId: row.assistant_message_id, runner: row.runner }));
  }

  /** Closes these turns, if still running, as `interrupted`: their runner died (found at start-up, on this host). */
  markInterrupted(turnIds: string[]): Promise<(StoredTurn & { ownerId: string })[]> {
    if (turnIds.length === 0) return Promise.resolve([]);
    return this.interrupt(
      `SELECT t.id FROM turns t WHERE t.id = ANY($1::uuid[]) AND t.status = 'running'`,
      [turnIds],
      'The server stopped while this answer was being written.',
    );
  }

  /**
   * One statement: the running turns `selection` picks (`SELECT t.id FROM turns t …`, its parameters from $1) and
   * their answers become `interrupted`, the partial answer kept, with `message` as the turn's error. Returned as
   * stored, so the caller can tell the turns' watchers how each ended.
   */
  private async interrupt(
    selection: string,
    parameters: unknown[],
    message: string,
  ): Promise<(StoredTurn & { ownerId: string })[]> {
    const error = `$${parameters.length + 1}::jsonb`;
    const rows = (await this.dataSource.query(
      `WITH picked AS (
         ${selection}
         FOR UPDATE OF t SKIP LOCKED
       ), closed AS (
         UPDATE turns SET status = 'interrupted', ended_at = now(), error = ${error}
         FROM picked WHERE turns.id = picked.id
         RETURNING turns.id, turns.conversation_id, turns.owner_id, turns.user_message_id, turns.assistant_message_id,
                   turns.engine, turns.replay, turns.usage, turns.latency, turns.error
       ), answers AS (
         UPDATE messages SET status = 'interrupted', updated_at = now()
         FROM closed WHERE messages.id = closed.assistant_message_id
         RETURNING messages.id, messages.content
       )
       SELECT closed.*, 'interrupted' AS status, answers.content
       FROM closed JOIN answers ON answers.id = closed.assistant_message_id`,
      [...parameters, JSON.stringify({ code: 'interrupted', message })],
    )) as (StoredTurnRow & { owner_id: string })[];
    return rows.map((row) => ({ ...storedTurnOf(row), ownerId: row.owner_id }));
  }
}

interface StoredTurnRow {
  id: string;
  conversation_id: string;
  user_message_id: string;
  assistant_message_id: string;
  status: StoredTurn['status'];
  engine: Engine;
  replay: TurnReplay | null;
  content: string;
  usage: StoredTurn['usage'];
  latency: StoredTurn['latency'];
  error: StoredTurn['error'];
}

function storedTurnOf(row: StoredTurnRow): StoredTurn {
  return {
    turnId: row.id,
    conversationId: row.conversation_id,
    userMessageId: row.user_message_id,
    assistantMessageId: row.assistant_message_id,
    status: row.status,
    engine: row.engine,
    replay: row.replay,
    content: row.content,
    usage: row.usage,
    latency: row.latency,
    error: row.error,
  };
}
