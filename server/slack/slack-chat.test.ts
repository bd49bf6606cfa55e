import type { WebClient } from '@slack/web-api';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { User } from '../../protocol/user.ts';
import type { TurnHandle } from '../chat/chat-service.ts';
import { TurnRegistry } from '../chat/turn-registry.ts';
import { KilnError } from '../errors/kiln-error.ts';
import { SlackChat } from './slack-chat.ts';
import type { SlackRepository } from './slack-repository.ts';

const user: User = {
  id: '6b0f3c4e-58a1-4a57-9a3b-1d2e3f405162',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'member',
  createdAt: new Date(),
};
const conversationId = '0d1c2b3a-4958-4776-8594-a3b2c1d0e9f8';

/** A Slack chat whose thread is already a conversation of `user`; `send` answers as the test scripts it. */
function slackChat(send: () => Promise<TurnHandle>) {
  const posted: string[] = [];
  const repository = {
    findAccount: async () => ({ user, disabled: false }),
    conversationOf: async () => ({ conversationId, ownerId: user.id, projectId: null }),
    bindThread: async () => undefined,
  } as unknown as SlackRepository;
  const client = {
    chat: {
      postMessage: async ({ text }: { text: string }) => {
        posted.push(text);
        return { ok: true, ts: '1700000000.000200' };
      },
    },
  } as unknown as WebClient;
  const chat = new SlackChat({
    repository,
    client,
    botUserId: () => 'U0KILN',
    chat: { send },
    conversations: { create: async () => ({ id: conversationId }) as never },
    // The conversation's previous answer runs on another server: nothing of it is in this registry.
    registry: new TurnRegistry(),
    feedback: { rate: async () => undefined as never },
    roleOf: async () => undefined,
    links: { conversationUrl: () => 'http://kiln/c', patternUrl: () => 'http://kiln/p' },
    log: pino({ level: 'silent' }),
    retryMs: 20,
  });
  return { chat, posted };
}

const message = {
  teamId: 'T0TEAM',
  channel: 'C0GENERAL',
  channelType: 'channel',
  user: 'U0ANA',
  text: 'and in Python?',
  ts: '1700000000.000300',
  threadTs: '1700000000.000100',
};

describe('SlackChat', () => {
  it('waits for the previous answer of the conversation running on another server, then starts the turn', async () => {
    const registry = new TurnRegistry();
    let tries = 0;
    const { chat, posted } = slackChat(async () => {
      tries += 1;
      if (tries < 3) throw new KilnError('turn_in_progress', 409, 'An answer is still being written.');
      const log = registry.create('1e2d3c4b-5a69-4887-96a5-b4c3d2e1f009', conversationId, user.id);
      await registry.finish(log, { type: 'turn.error', code: 'x', message: 'done', retryable: false });
      return {
        turnId: log.turnId,
        conversationId,
        userMessageId: '2f3e4d5c-6b7a-4998-a7b6-c5d4e3f2a110',
        assistantMessageId: '3a4f5e6d-7c8b-4aa9-b8c7-d6e5f4a3b221',
        log,
      };
    });
    const started = Date.now();
    await chat.onMessage(message);
    expect(tries).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(posted.filter((text) => text.startsWith('Kiln could not take'))).toEqual([]);
  });

  it('says in the thread why a message was refused for anything else, and keeps nothing', async () => {
    const { chat, posted } = slackChat(async () => {
      throw new KilnError('message_too_long', 413, 'The message is longer than 32,000 characters.');
    });
    await chat.onMessage(message);
    expect(posted).toEqual(['Kiln could not take that message: The message is longer than 32,000 characters.']);
  });
});
