import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ImportedConversation, ReadConversation } from '../imported-conversation.ts';
import {
  MalformedImportError,
  UnknownFormatError,
  openConversationStream,
  readConversations,
} from './read-conversations.ts';

const fixture = (path: string) => createReadStream(new URL(`../../../tests/fixtures/imports/${path}`, import.meta.url));
const bytes = (...chunks: string[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk)));

async function all(conversations: AsyncIterable<ReadConversation>): Promise<ReadConversation[]> {
  const read: ReadConversation[] = [];
  for await (const conversation of conversations) read.push(conversation);
  return read;
}

function claudeConversation(index: number) {
  return {
    uuid: `conv-${index}`,
    name: `Conversation ${index}`,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    chat_messages: [{ uuid: `m-${index}`, text: 'x'.repeat(500), sender: 'human', created_at: '2024-01-01T00:00:00Z' }],
  };
}

describe('openConversationStream', () => {
  it('reads each fixture in its format; a broken conversation fails alone', async () => {
    const cases = [
      ['chatgpt/conversations.json', 'chatgpt', [false, false, false, true, true]],
      ['claude/conversations.json', 'claude', [false, false, true]],
      ['openwebui/export.json', 'openwebui', [false, false, true]],
    ] as const;
    for (const [path, format, failures] of cases) {
      const stream = await openConversationStream(fixture(path));
      expect(stream.format).toBe(format);
      const read = await all(stream.conversations);
      expect(read.map((conversation) => 'failed' in conversation)).toEqual(failures);
    }
  });

  it('reads a single Kiln export object', async () => {
    const exported = {
      schema: 'kiln.conversation.v1',
      exportedAt: '2025-01-02T00:00:00Z',
      kilnVersion: '1.0.0',
      conversation: {
        id: 'k1',
        title: 'One',
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        activeLeafId: null,
        project: null,
        origin: null,
      },
      messages: [],
    };
    const stream = await openConversationStream(bytes('\ufeff', JSON.stringify(exported, null, 2)));
    expect(stream.format).toBe('kiln');
    expect(await all(stream.conversations)).toMatchObject([{ sourceId: 'k1', title: 'One', messages: [] }]);
  });

  it('streams a large file: conversations come out before the input has all been read', async () => {
    const total = 2000;
    let produced = 0;
    let producedAtFirst = -1;
    async function* file() {
      yield Buffer.from('[');
      for (let index = 0; index < total; index += 1) {
        produced += 1;
        yield Buffer.from(`${index > 0 ? ',' : ''}${JSON.stringify(claudeConversation(index))}`);
      }
      yield Buffer.from(']');
    }
    let count = 0;
    for await (const conversation of readConversations(Readable.from(file()))) {
      if (producedAtFirst === -1) producedAtFirst = produced;
      expect((conversation as ImportedConversation).sourceId).toBe(`conv-${count}`);
      count += 1;
    }
    expect(count).toBe(total);
    expect(producedAtFirst).toBeLessThan(100);
  });

  it('rejects what is not an export, naming the formats Kiln reads', async () => {
    for (const input of [bytes(''), bytes('  \n'), bytes('hello'), bytes('[]'), bytes('[{"foo": 1}]'), bytes('[1')]) {
      const opening = openConversationStream(input);
      await expect(opening).rejects.toBeInstanceOf(UnknownFormatError);
      await expect(opening).rejects.toThrow(/ChatGPT's conversations\.json or its ZIP, Claude's conversations\.json/);
    }
  });

  it('yields the conversations before broken JSON, then throws', async () => {
    const first = JSON.stringify(claudeConversation(1));
    const second = JSON.stringify(claudeConversation(2));
    const stream = await openConversationStream(bytes(`[${first},`, `${second},`, '{"uuid": "conv-3", oops}]'));
    const read: ReadConversation[] = [];
    const error = await all({
      async *[Symbol.asyncIterator]() {
        for await (const conversation of stream.conversations) {
          read.push(conversation);
          yield conversation;
        }
      },
    }).catch((caught: unknown) => caught);
    expect(read.map((conversation) => (conversation as ImportedConversation).sourceId)).toEqual(['conv-1', 'conv-2']);
    expect(error).toBeInstanceOf(MalformedImportError);
    expect((error as Error).message).toMatch(
      /^The file is not valid JSON after conversation 2: Parser cannot parse input/,
    );
  });

  it('throws on a file that ends part-way', async () => {
    const stream = await openConversationStream(bytes(`[${JSON.stringify(claudeConversation(1))}`, ', {"uuid'));
    await expect(all(stream.conversations)).rejects.toThrow('The file is not valid JSON after conversation 1');
  });

  it('throws on invalid UTF-8 after the conversations before it', async () => {
    const input = Readable.from([Buffer.from(`[${JSON.stringify(claudeConversation(1))},`), Buffer.from([0xff, 0xfe])]);
    const stream = await openConversationStream(input);
    const error = await all(stream.conversations).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedImportError);
    expect((error as MalformedImportError).message).toBe('The file is not valid UTF-8 after conversation 1.');
  });
});
