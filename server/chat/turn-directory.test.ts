import { describe, expect, it } from 'vitest';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { TurnDirectory } from './turn-directory.ts';
import { TurnFeed } from './turn-feed.ts';
import type { TurnPeers } from './turn-peers.ts';
import { TurnRegistry } from './turn-registry.ts';
import type { StoredTurn } from './turn-replay.ts';

const ownerId = '6b0f3c4e-58a1-4a57-9a3b-1d2e3f405162';
const turnId = '0d1c2b3a-4958-4776-8594-a3b2c1d0e9f8';
const conversationId = '1e2d3c4b-5a69-4887-96a5-b4c3d2e1f009';

const delta = (seq: number, text: string): TurnEvent => ({ type: 'text.delta', delta: text, turnId, seq });
const end = (seq: number): TurnEvent => ({
  type: 'turn.end',
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1, costUsd: null },
  latency: { firstTokenMs: 1, totalMs: 2 },
  turnId,
  seq,
});

function stored(status: StoredTurn['status'], content: string): StoredTurn {
  return {
    turnId,
    conversationId,
    userMessageId: '2f3e4d5c-6b7a-4998-a7b6-c5d4e3f2a110',
    assistantMessageId: '3a4f5e6d-7c8b-4aa9-b8c7-d6e5f4a3b221',
    status,
    engine: { provider: 'openai', model: 'm' },
    replay: null,
    content,
    usage: null,
    latency: null,
    error: null,
  };
}

/** A directory whose turn runs on another server: `events` answers what that server has streamed so far. */
function elsewhere(options: { status?: StoredTurn['status']; events?: TurnPeers['events'] } = {}) {
  const feed = new TurnFeed();
  const directory = new TurnDirectory({
    registry: new TurnRegistry(),
    turns: {
      stored: async (id, owner) =>
        id === turnId && owner === ownerId ? stored(options.status ?? 'running', 'Hello') : undefined,
    },
    peers: () => ({ stop: async () => false, events: options.events ?? (async () => undefined) }),
    feed,
  });
  return { feed, directory };
}

describe('TurnDirectory.follow', () => {
  it('gives a turn running elsewhere from after afterSeq to its end, each seq once, in order', async () => {
    let publish!: (event: TurnEvent) => void;
    const { feed, directory } = elsewhere({
      events: async (_turn, _owner, afterSeq) => {
        // Events keep arriving while the other server answers; some of them are in its answer too.
        publish(delta(3, 'c'));
        publish(delta(4, 'd'));
        return { events: [delta(2, 'b'), delta(3, 'c')].filter((event) => event.seq > afterSeq), finished: false };
      },
    });
    publish = (event) => feed.publish(event);
    const given: TurnEvent[] = [];
    const followed = await directory.follow(ownerId, turnId, 1, (event) => given.push(event));
    expect(followed?.ended).toBe(false);
    feed.publish(delta(4, 'd'));
    feed.publish(delta(5, 'e'));
    feed.publish(end(6));
    feed.publish(delta(7, 'late'));
    expect(given.map((event) => event.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(followed?.ended).toBe(true);
  });

  it('ends on a final event numbered before the last one given (a survivor closing a dead server’s turn)', async () => {
    const { feed, directory } = elsewhere({
      events: async () => ({ events: [delta(2, 'b'), delta(3, 'c')], finished: false }),
    });
    const given: TurnEvent[] = [];
    const followed = await directory.follow(ownerId, turnId, 0, (event) => given.push(event));
    feed.publish(delta(4, 'd'));
    const interrupted: TurnEvent = {
      type: 'turn.error',
      code: 'interrupted',
      message: 'The server answering stopped.',
      retryable: true,
      turnId,
      seq: 3,
    };
    feed.publish(interrupted);
    feed.publish(delta(5, 'e'));
    expect(given.at(-1)).toEqual(interrupted);
    expect(given).toHaveLength(4);
    expect(followed?.ended).toBe(true);
  });

  it('replays a turn that ended from Postgres and says it ended', async () => {
    const { directory } = elsewhere({ status: 'complete' });
    const given: TurnEvent[] = [];
    const followed = await directory.follow(ownerId, turnId, 0, (event) => given.push(event));
    expect(followed?.ended).toBe(true);
    expect(given.map((event) => event.type)).toEqual(['turn.start', 'text.delta', 'turn.end']);
    expect(given.map((event) => event.seq)).toEqual([1, 2, 3]);
  });

  it('finds nothing for another owner, an unknown turn, or an id that is not a turn id', async () => {
    const { directory } = elsewhere();
    const listener = () => {
      throw new Error('nothing should be given');
    };
    expect(await directory.follow('7c6b5a49-3827-4165-9e4f-3a2b1c0d9e8f', turnId, 0, listener)).toBeUndefined();
    expect(await directory.follow(ownerId, '8d7c6b5a-4938-4276-a5f4-4b3c2d1e0f9a', 0, listener)).toBeUndefined();
    expect(await directory.follow(ownerId, "x' OR 1=1 --", 0, listener)).toBeUndefined();
  });

  it('stops giving events once stopped', async () => {
    const { feed, directory } = elsewhere({ events: async () => ({ events: [], finished: false }) });
    const given: TurnEvent[] = [];
    const followed = await directory.follow(ownerId, turnId, 0, (event) => given.push(event));
    feed.publish(delta(1, 'a'));
    followed?.stop();
    feed.publish(delta(2, 'b'));
    expect(given.map((event) => event.seq)).toEqual([1]);
  });
});
