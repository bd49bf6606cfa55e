import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedConversation } from '../imported-conversation.ts';
import { readOpenWebUiConversation } from './openwebui-reader.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/imports/openwebui/export.json', import.meta.url), 'utf8'),
) as unknown[];
const [regenerated, linear, broken] = fixture.map(readOpenWebUiConversation);

describe('readOpenWebUiConversation', () => {
  it('keeps both answers of a regenerated reply, the second one active, without the system prompt', () => {
    const conversation = regenerated as ImportedConversation;
    expect(conversation).toMatchObject({ format: 'openwebui', sourceId: 'owui-chat-1', title: 'Regenerated answer' });
    expect(conversation.createdAt?.toISOString()).toBe('2024-03-09T16:00:00.000Z');
    expect(conversation.updatedAt?.toISOString()).toBe('2024-03-09T16:01:40.000Z');
    expect(conversation.messages.map((message) => [message.localId, message.parentLocalId, message.role])).toEqual([
      ['m1', null, 'user'],
      ['m2', 'm1', 'assistant'],
      ['m3', 'm1', 'assistant'],
    ]);
    expect(conversation.activeLeaf).toBe('m3');
    expect(conversation.messages[0]?.content).toBe('Hi 👋 write a fenced example');
    expect(conversation.messages[2]?.content).toBe(
      "Second answer:\n\n````md\n```js\nconsole.log('nested');\n```\n````",
    );
    expect(conversation.messages[2]?.createdAt?.toISOString()).toBe('2024-03-09T16:00:03.000Z');
  });

  it('reads an export without history as a line, the last message active', () => {
    const conversation = linear as ImportedConversation;
    expect(conversation.messages.map((message) => [message.localId, message.parentLocalId, message.content])).toEqual([
      ['l1', null, 'Ping'],
      ['l2', 'l1', 'Pong 🏓'],
    ]);
    expect(conversation.activeLeaf).toBe('l2');
    expect(conversation.messages[0]?.createdAt).toBeNull();
    expect(conversation.updatedAt).toBeNull();
  });

  it('fails a chat whose message answers a message that is not there', () => {
    expect(broken).toEqual({
      failed: true,
      sourceId: 'owui-chat-3',
      title: 'Broken',
      reason: 'message b1 answers message missing, which is not in the conversation',
    });
  });

  it('fails a chat whose messages form a cycle', () => {
    const cycle = readOpenWebUiConversation({
      id: 'c',
      title: 'Loop',
      chat: {
        history: {
          currentId: 'a',
          messages: {
            a: { id: 'a', parentId: 'b', role: 'user', content: 'a' },
            b: { id: 'b', parentId: 'a', role: 'assistant', content: 'b' },
          },
        },
      },
    });
    expect(cycle).toMatchObject({ failed: true, sourceId: 'c', reason: expect.stringContaining('cycle') });
  });
});
