import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedConversation } from '../imported-conversation.ts';
import { readClaudeConversation } from './claude-reader.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/imports/claude/conversations.json', import.meta.url), 'utf8'),
) as unknown[];
const [notes, empty, oddSender] = fixture.map(readClaudeConversation);

describe('readClaudeConversation', () => {
  it('reads messages as one line, each answering the one before, the last one active', () => {
    const conversation = notes as ImportedConversation;
    expect(conversation).toMatchObject({ format: 'claude', sourceId: 'claude-conv-1', title: 'Notes summary' });
    expect(conversation.createdAt?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(conversation.updatedAt?.toISOString()).toBe('2024-05-01T10:05:30.500Z');
    expect(conversation.messages.map((message) => [message.localId, message.parentLocalId, message.role])).toEqual([
      ['cm1', null, 'user'],
      ['cm2', 'cm1', 'assistant'],
      ['cm3', 'cm2', 'user'],
      ['cm5', 'cm3', 'assistant'],
    ]);
    expect(conversation.activeLeaf).toBe('cm5');
    expect(conversation.messages[3]?.createdAt?.toISOString()).toBe('2024-05-01T10:05:30.000Z');
  });

  it('appends an attachment as a fenced block named after the file, with a longer fence around a fence', () => {
    expect((notes as ImportedConversation).messages[0]?.content).toBe(
      'Summarise this file 📄\n\nnotes.md:\n````\n# Notes\n```sh\necho hi\n```\n````',
    );
  });

  it('prefers the text blocks of content and leaves tool traffic out', () => {
    expect((notes as ImportedConversation).messages[1]?.content).toBe('The notes say hi.\n\n日本語も大丈夫。');
  });

  it('shows a file without extracted content as a placeholder, and keeps RTL text', () => {
    expect((notes as ImportedConversation).messages[2]?.content).toBe('شكرا\n\n[file: photo.png]');
  });

  it('reads a conversation without messages, titled for the user', () => {
    expect(empty).toMatchObject({ sourceId: 'claude-conv-2', title: 'Untitled conversation', messages: [] });
    expect((empty as ImportedConversation).activeLeaf).toBeNull();
  });

  it('fails a conversation with a message from an unknown sender', () => {
    expect(oddSender).toEqual({
      failed: true,
      sourceId: 'claude-conv-3',
      title: 'Odd sender',
      reason: 'message 1 has an unknown sender',
    });
  });
});
