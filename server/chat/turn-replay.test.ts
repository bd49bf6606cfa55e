import { describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventBody } from '../../protocol/turn-events.ts';
import { eventsOfReplay, nextSeqOf, replayOf, storedTurnEvents, type StoredTurn } from './turn-replay.ts';

const events = (bodies: TurnEventBody[]): TurnEvent[] =>
  bodies.map((body, index) => ({ ...body, turnId: 't1', seq: index + 1 }) as TurnEvent);
const engine = { provider: 'offline', model: 'kiln-offline' } as const;
const start: TurnEventBody = {
  type: 'turn.start',
  conversationId: 'c1',
  userMessageId: 'u1',
  assistantMessageId: 'a1',
  engine,
};
const running = events([
  start,
  { type: 'intent', intent: 'ask', confidence: 0.9, via: 'rule', reason: 'a question' },
  { type: 'text.delta', delta: 'Hello ' },
  { type: 'retrieval', citations: [] },
  { type: 'text.delta', delta: 'wörld' },
]);
const stored = (overrides: Partial<StoredTurn>): StoredTurn => ({
  turnId: 't1',
  conversationId: 'c1',
  userMessageId: 'u1',
  assistantMessageId: 'a1',
  status: 'running',
  engine,
  replay: replayOf(running),
  content: 'Hello wörld',
  usage: null,
  latency: null,
  error: null,
  ...overrides,
});

describe('a turn replay', () => {
  it('keeps deltas as offsets into the saved text and rebuilds every event with its own seq', () => {
    const replay = replayOf(running);
    expect(replay.deltas).toEqual([
      [3, 6],
      [5, 11],
    ]);
    expect(JSON.stringify(replay)).not.toContain('wörld');
    expect(eventsOfReplay(replay, 'Hello wörld', 't1', 0)).toEqual(running);
    expect(eventsOfReplay(replay, 'Hello wörld', 't1', 3)).toEqual(running.slice(3));
    expect(nextSeqOf(replay)).toBe(6);
  });

  it('ends a turn closed by a survivor with an interrupted error after its last saved event', () => {
    const replayed = storedTurnEvents(stored({ status: 'interrupted' }), 4);
    expect(replayed.map((event) => [event.seq, event.type])).toEqual([
      [5, 'text.delta'],
      [6, 'turn.error'],
    ]);
    expect(replayed[1]).toMatchObject({ code: 'interrupted', retryable: true });
  });

  it('replays a finished turn whole, as its owner streamed it, and a running one without an end', () => {
    const finished = [
      ...running,
      {
        type: 'turn.end',
        finishReason: 'stop',
        usage: { inputTokens: 1, outputTokens: 2, costUsd: 0 },
        latency: { firstTokenMs: 1, totalMs: 2 },
        turnId: 't1',
        seq: 6,
      } as TurnEvent,
    ];
    expect(storedTurnEvents(stored({ status: 'complete', replay: replayOf(finished) }), 0)).toEqual(finished);
    expect(storedTurnEvents(stored({}), 0)).toEqual(running);
  });

  it('rebuilds a turn saved before replays were kept as its start, its text and its end', () => {
    const usage = { inputTokens: 4, outputTokens: 5, costUsd: null };
    const replayed = storedTurnEvents(stored({ status: 'complete', replay: null, usage }), 0);
    expect(replayed).toMatchObject([
      { type: 'turn.start', seq: 1, assistantMessageId: 'a1' },
      { type: 'text.delta', seq: 2, delta: 'Hello wörld' },
      { type: 'turn.end', seq: 3, finishReason: 'stop', usage },
    ]);
  });
});
