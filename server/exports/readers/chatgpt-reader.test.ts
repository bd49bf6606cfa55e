import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedConversation } from '../imported-conversation.ts';
import { readChatGptConversation } from './chatgpt-reader.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/imports/chatgpt/conversations.json', import.meta.url), 'utf8'),
) as unknown[];
const [branched, unusual, empty, orphaned, loop] = fixture.map(readChatGptConversation);

describe('readChatGptConversation', () => {
  it('keeps both branches of an edited question, merges the tool chain and leaves hidden messages out', () => {
    const conversation = branched as ImportedConversation;
    expect(conversation).toMatchObject({ format: 'chatgpt', sourceId: 'chatgpt-conv-1', title: 'Squares and cubes' });
    expect(conversation.createdAt?.toISOString()).toBe('2023-11-14T22:13:20.250Z');
    expect(conversation.updatedAt?.toISOString()).toBe('2023-11-14T22:28:20.750Z');
    expect(conversation.messages.map((message) => [message.localId, message.parentLocalId, message.role])).toEqual([
      ['u1', null, 'user'],
      ['a1', 'u1', 'assistant'],
      ['u2a', 'a1', 'user'],
      ['a3a', 'u2a', 'assistant'],
      ['u2b', 'a1', 'user'],
      ['a3b', 'u2b', 'assistant'],
    ]);
    expect(conversation.messages[1]?.content).toBe(
      '```python\nprint([n * n for n in range(1, 4)])\n```\n\nOutput:\n```text\n[1, 4, 9]\n```\n\nHere are the squares.',
    );
    expect(conversation.messages[5]?.content).toBe(
      'Use a template literal:\n\n```js\nconst cube = (n) => `${n ** 3}`;\n```\n\nSource: the docs.',
    );
    expect(conversation.messages[0]?.createdAt?.toISOString()).toBe('2023-11-14T22:15:00.000Z');
    expect(conversation.activeLeaf).toBe('a3b');
    const allText = conversation.messages.map((message) => message.content).join('\n');
    expect(allText).not.toContain('I like maths');
    expect(allText).not.toContain('The user wants JS');
    expect(allText).not.toContain('Exponentiation operator');
  });

  it('turns images and unknown content into placeholders and keeps unicode as it is', () => {
    const conversation = unusual as ImportedConversation;
    expect(conversation).toMatchObject({ sourceId: 'chatgpt-conv-2', title: 'Untitled conversation' });
    expect(conversation.createdAt).toBeNull();
    expect(conversation.updatedAt).toBeNull();
    expect(conversation.messages.map((message) => message.content)).toEqual([
      '[image]\nWhat is in this picture?',
      '[unsupported content: mystery_widget]',
      'RTL: שלום עולם — CJK: 你好，世界',
      'مرحبا 👋',
    ]);
    expect(conversation.messages[3]?.createdAt).toBeNull();
    expect(conversation.activeLeaf).toBe('n4');
  });

  it('reads a conversation without messages', () => {
    expect(empty).toMatchObject({ sourceId: 'chatgpt-conv-3', title: 'Empty chat', messages: [], activeLeaf: null });
  });

  it('fails a conversation whose tree is broken, naming the problem', () => {
    expect(orphaned).toEqual({
      failed: true,
      sourceId: 'chatgpt-conv-4',
      title: 'Orphaned reply',
      reason: 'message x answers message ghost, which is not in the conversation',
    });
    expect(loop).toMatchObject({ failed: true, sourceId: 'chatgpt-conv-5', reason: expect.stringContaining('cycle') });
  });

  it('fences code that contains a fence with a longer fence', () => {
    const conversation = readChatGptConversation({
      id: 'c',
      title: 't',
      current_node: 'a',
      mapping: {
        a: {
          id: 'a',
          parent: null,
          children: [],
          message: {
            author: { role: 'assistant' },
            content: { content_type: 'code', language: 'markdown', text: '```js\nx\n```' },
          },
        },
      },
    }) as ImportedConversation;
    expect(conversation.messages[0]?.content).toBe('````markdown\n```js\nx\n```\n````');
  });

  it('fails what is not a conversation', () => {
    expect(readChatGptConversation({ title: 'no id', mapping: {} })).toMatchObject({ failed: true, title: 'no id' });
    expect(readChatGptConversation('text')).toMatchObject({ failed: true, sourceId: null });
  });
});
