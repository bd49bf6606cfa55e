import { describe, expect, it } from 'vitest';
import type { ConversationExport } from '../../../protocol/conversation-export.ts';
import type { ImportedConversation } from '../imported-conversation.ts';
import { readKilnConversation } from './kiln-reader.ts';

function kilnExport(): ConversationExport {
  return {
    schema: 'kiln.conversation.v1',
    exportedAt: '2025-01-02T00:00:00.000Z',
    kilnVersion: '1.0.0',
    conversation: {
      id: 'conv-1',
      title: 'Kiln talk',
      createdAt: '2025-01-01T10:00:00.000Z',
      updatedAt: '2025-01-01T10:05:00.000Z',
      activeLeafId: 'a1',
      project: null,
      origin: null,
    },
    messages: [
      {
        id: 'q1',
        parentId: null,
        role: 'user',
        content: 'Hello',
        status: 'complete',
        createdAt: '2025-01-01T10:00:00.000Z',
        usage: null,
        turn: null,
        feedback: null,
      },
      {
        id: 'a1',
        parentId: 'q1',
        role: 'assistant',
        content: 'Hi ✋',
        status: 'stopped',
        createdAt: '2025-01-01T10:00:01.000Z',
        usage: { inputTokens: 10, outputTokens: 3, costUsd: 0.001 },
        turn: {
          turnId: 'turn-1',
          intent: null,
          engine: { provider: 'offline', model: 'kiln' },
          usage: null,
          latency: null,
          error: null,
          details: null,
        },
        feedback: 'up',
      },
    ],
  };
}

describe('readKilnConversation', () => {
  it('keeps turn, usage, status and feedback, with the source ids', () => {
    const conversation = readKilnConversation(kilnExport()) as ImportedConversation;
    expect(conversation).toMatchObject({ format: 'kiln', sourceId: 'conv-1', title: 'Kiln talk', activeLeaf: 'a1' });
    expect(conversation.createdAt?.toISOString()).toBe('2025-01-01T10:00:00.000Z');
    expect(conversation.messages[1]).toEqual({
      localId: 'a1',
      parentLocalId: 'q1',
      role: 'assistant',
      content: 'Hi ✋',
      createdAt: new Date('2025-01-01T10:00:01.000Z'),
      status: 'stopped',
      usage: { inputTokens: 10, outputTokens: 3, costUsd: 0.001 },
      turn: kilnExport().messages[1]?.turn,
      feedback: 'up',
    });
  });

  it('keeps the origin of an imported conversation, so importing its export again is a skip', () => {
    const exported = kilnExport();
    exported.conversation.origin = { format: 'chatgpt', id: 'chatgpt-conv-1' };
    expect(readKilnConversation(exported)).toMatchObject({ format: 'chatgpt', sourceId: 'chatgpt-conv-1' });
  });

  it('fails a malformed export, naming the field', () => {
    const exported = kilnExport() as unknown as { messages: { role: string }[] };
    (exported.messages[1] as { role: string }).role = 'robot';
    const read = readKilnConversation(exported);
    expect(read).toMatchObject({ failed: true, sourceId: 'conv-1', title: 'Kiln talk' });
    expect(read).toHaveProperty('reason', expect.stringMatching(/^messages\[1\]\.role: /));
  });

  it('fails an export whose message comes before its parent', () => {
    const exported = kilnExport();
    exported.messages.reverse();
    expect(readKilnConversation(exported)).toMatchObject({
      failed: true,
      reason: 'message a1 answers message q1, which does not come before it',
    });
  });
});
