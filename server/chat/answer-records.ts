import type { SqlQuery } from '../../platform/database/sql-query.ts';
import type { AnswerRecord, TurnDetails } from '../../protocol/turn-details.ts';
import type { TurnRow } from '../persistence/entities/turn-entity.ts';

/** An answer's turn, and its owner's rating of it. */
export interface AnswerWithFeedback {
  turn: AnswerRecord;
  feedback: 'up' | 'down' | null;
}

/**
 * The turns behind these assistant messages of one conversation, with their owner's rating, by message id. A
 * function of a query (not of TypeORM) so the export's worker thread, which has only a pg connection, reads them
 * the same way.
 */
export async function answerRecords(
  query: SqlQuery,
  conversationId: string,
  assistantMessageIds: string[],
): Promise<Map<string, AnswerWithFeedback>> {
  if (assistantMessageIds.length === 0) return new Map();
  const rows = (await query(
    `SELECT t.id, t.assistant_message_id, t.intent, t.engine, t.usage, t.latency, t.error, t.details, f.rating,
            a.decision, a.note, a.pattern_id, a.duplicate, a.created_at AS decided_at, u.email AS decided_by
     FROM turns t LEFT JOIN message_feedback f ON f.message_id = t.assistant_message_id
     LEFT JOIN session_approvals a ON a.message_id = t.assistant_message_id
     LEFT JOIN users u ON u.id = a.owner_id
     WHERE t.conversation_id = $1 AND t.assistant_message_id = ANY($2::uuid[])`,
    [conversationId, assistantMessageIds],
  )) as unknown as (Pick<TurnRow, 'id' | 'engine' | 'usage' | 'latency' | 'error'> & {
    assistant_message_id: string;
    intent: AnswerRecord['intent'];
    details: TurnDetails | null;
    rating: 'up' | 'down' | null;
  } & ApprovalColumns)[];
  return new Map(
    rows.map((row) => [
      row.assistant_message_id,
      {
        turn: {
          turnId: row.id,
          intent: row.intent,
          engine: row.engine,
          usage: row.usage,
          latency: row.latency,
          error: row.error,
          details: withApproval(row.details, row),
        },
        feedback: row.rating,
      },
    ]),
  );
}

interface ApprovalColumns {
  decision: 'approve' | 'reject' | null;
  note: string | null;
  pattern_id: string | null;
  duplicate: boolean | null;
  decided_at: Date | null;
  decided_by: string | null;
}

/** The stored details with the session's decision, which is kept apart (it comes after the turn ended). */
function withApproval(details: TurnDetails | null, row: ApprovalColumns): TurnDetails | null {
  if (!details?.session || !row.decision) return details;
  return {
    ...details,
    session: {
      ...details.session,
      approval: {
        decision: row.decision,
        note: row.note,
        by: row.decided_by ?? '',
        at: (row.decided_at ?? new Date()).toISOString(),
        patternId: row.pattern_id,
        duplicate: row.duplicate ?? false,
      },
    },
  };
}
