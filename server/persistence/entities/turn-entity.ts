import { EntitySchema } from 'typeorm';
import type { Engine, Usage } from '../../../protocol/turn-events.ts';

/** A row of `turns`: one answer Kiln produced, with its routing decision, engine, outcome and runner. */
export interface TurnRow {
  id: string;
  conversationId: string;
  ownerId: string;
  userMessageId: string;
  assistantMessageId: string;
  status: 'running' | 'complete' | 'stopped' | 'interrupted' | 'failed';
  intent: Record<string, unknown> | null;
  engine: Engine;
  usage: Usage | null;
  latency: { firstTokenMs: number | null; totalMs: number } | null;
  error: { code: string; message: string } | null;
  /** Citations, tool calls and review findings (`TurnDetails`), written when the turn ends. */
  details: object | null;
  /** `host pid starttime` of the server process that ran it. */
  runner: string;
  startedAt: Date;
  endedAt: Date | null;
}

export const TurnEntity = new EntitySchema<TurnRow>({
  name: 'Turn',
  tableName: 'turns',
  columns: {
    id: { type: 'uuid', primary: true },
    conversationId: { name: 'conversation_id', type: 'uuid' },
    ownerId: { name: 'owner_id', type: 'uuid' },
    userMessageId: { name: 'user_message_id', type: 'uuid' },
    assistantMessageId: { name: 'assistant_message_id', type: 'uuid' },
    status: { type: 'text' },
    intent: { type: 'jsonb', nullable: true },
    engine: { type: 'jsonb' },
    usage: { type: 'jsonb', nullable: true },
    latency: { type: 'jsonb', nullable: true },
    error: { type: 'jsonb', nullable: true },
    details: { type: 'jsonb', nullable: true },
    runner: { type: 'text' },
    startedAt: { name: 'started_at', type: 'timestamptz', createDate: true },
    endedAt: { name: 'ended_at', type: 'timestamptz', nullable: true },
  },
});
