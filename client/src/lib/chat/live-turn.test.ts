import { describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventBody } from '$protocol/turn-events.ts';
import { answerFromLive, applyTurnEvent, newLiveTurn } from './live-turn.ts';

const events = (bodies: TurnEventBody[]): TurnEvent[] =>
  bodies.map((body, index) => ({ ...body, turnId: 't1', seq: index + 1 }) as TurnEvent);
const stream = events([
  {
    type: 'turn.start',
    conversationId: 'c',
    userMessageId: 'u',
    assistantMessageId: 'a',
    engine: { provider: 'offline', model: 'kiln-offline' },
  },
  { type: 'intent', intent: 'ask', confidence: 0.9, via: 'rule', reason: 'a question' },
  {
    type: 'retrieval',
    citations: [{ patternId: 'p', title: 'Debounce', language: 'typescript', score: 1, sources: { text: 1 } }],
  },
  { type: 'text.delta', delta: 'Hello ' },
  { type: 'text.delta', delta: 'world' },
  {
    type: 'turn.end',
    finishReason: 'stopped',
    usage: { inputTokens: 3, outputTokens: 2, costUsd: 0 },
    latency: { firstTokenMs: 5, totalMs: 9 },
  },
]);

describe('a live turn', () => {
  it('builds the answer from its events: text, intent, citations, engine, usage, and the stopped status', () => {
    const turn = newLiveTurn('t1');
    for (const event of stream) expect(applyTurnEvent(turn, event)).toBe('applied');
    expect(answerFromLive(turn)).toMatchObject({
      text: 'Hello world',
      status: 'stopped',
      engine: { provider: 'offline' },
      intent: { intent: 'ask', via: 'rule' },
      details: { citations: [{ title: 'Debounce' }] },
      usage: { outputTokens: 2 },
    });
  });

  it('ignores repeated events and refuses one past a gap, so a resumed stream neither doubles nor skips text', () => {
    const turn = newLiveTurn('t1');
    for (const event of stream.slice(0, 4)) applyTurnEvent(turn, event);
    expect(applyTurnEvent(turn, stream[3]!)).toBe('duplicate');
    expect(applyTurnEvent(turn, stream[5]!)).toBe('gap');
    expect(turn.text).toBe('Hello ');
    expect(answerFromLive(turn).status).toBe('streaming');
    for (const event of stream.slice(2)) applyTurnEvent(turn, event);
    expect(turn.text).toBe('Hello world');
  });
});
