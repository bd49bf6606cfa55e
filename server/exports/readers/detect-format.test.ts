import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';

const firstOf = (path: string): unknown =>
  (
    JSON.parse(readFileSync(new URL(`../../../tests/fixtures/imports/${path}`, import.meta.url), 'utf8')) as unknown[]
  )[0];

describe('detectFormat', () => {
  it('tells each format from its first conversation', () => {
    expect(detectFormat(firstOf('chatgpt/conversations.json'))).toBe('chatgpt');
    expect(detectFormat(firstOf('claude/conversations.json'))).toBe('claude');
    expect(detectFormat(firstOf('openwebui/export.json'))).toBe('openwebui');
    expect(detectFormat({ schema: 'kiln.conversation.v1', conversation: {}, messages: [] })).toBe('kiln');
  });

  it('tells an Open WebUI export without history by its user_id', () => {
    expect(detectFormat({ id: 'x', user_id: 'u', chat: { messages: [] } })).toBe('openwebui');
    expect(detectFormat({ id: 'x', chat: { messages: [] } })).toBeUndefined();
  });

  it('knows nothing else', () => {
    for (const sample of [null, 42, 'text', [], {}, { mapping: {} }, { schema: 'kiln.conversation.v2' }]) {
      expect(detectFormat(sample)).toBeUndefined();
    }
  });
});
