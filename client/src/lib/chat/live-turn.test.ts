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

  it('ends with the interrupted error another server numbered after the last saved event, text seen kept', () => {
    const turn = newLiveTurn('t1');
    for (const event of stream.slice(0, 5)) applyTurnEvent(turn, event);
    // The dead server had saved up to seq 4; its survivor closes the turn as seq 5, which this tab already has.
    const closed = {
      type: 'turn.error',
      code: 'interrupted',
      message: 'stopped',
      retryable: true,
      turnId: 't1',
      seq: 5,
    };
    expect(applyTurnEvent(turn, closed as TurnEvent)).toBe('applied');
    expect(answerFromLive(turn)).toMatchObject({ text: 'Hello world', status: 'interrupted' });
    expect(turn.lastSeq).toBe(5);
    expect(applyTurnEvent(turn, closed as TurnEvent)).toBe('duplicate');
  });
});

describe("a live turn's code session and tool confirmations", () => {
  it('folds attempts, their output and result, and the outcome into the details as they stream', () => {
    const turn = newLiveTurn('t1');
    const session = events([
      stream[0]!,
      { type: 'session.phase', phase: 'validate', attempt: 1 },
      {
        type: 'session.attempt',
        attempt: 1,
        language: 'python',
        code: 'print(1)',
        tests: null,
        runId: 'r1',
        patternIds: ['p'],
      },
      { type: 'sandbox.output', stream: 'stdout', chunk: '1\n' },
      { type: 'sandbox.output', stream: 'stderr', chunk: 'oops\n' },
      { type: 'sandbox.result', exitCode: 1, passed: false, durationMs: 30, timedOut: false, oom: false },
      { type: 'session.phase', phase: 'repair', attempt: 2 },
    ]);
    for (const event of session) applyTurnEvent(turn, event);
    expect(turn.details.session).toMatchObject({
      phase: 'repair',
      attempts: [{ attempt: 1, output: '1\noops\n', result: { exitCode: 1, passed: false } }],
      outcome: null,
    });
  });

  it('keeps which tool calls nobody confirmed in time, apart from those the user denied', () => {
    const turn = newLiveTurn('t1');
    const confirmations = events([
      stream[0]!,
      { type: 'tool.call', callId: 'c1', server: 'fs', tool: 'write_file', arguments: {}, needsConfirmation: true },
      { type: 'tool.call', callId: 'c2', server: 'fs', tool: 'write_file', arguments: {}, needsConfirmation: true },
      { type: 'tool.confirmation', callId: 'c1', approved: false, by: 'timeout' },
      { type: 'tool.confirmation', callId: 'c2', approved: true, by: 'user' },
    ]);
    for (const event of confirmations) applyTurnEvent(turn, event);
    expect(turn.details.toolCalls.map((call) => call.confirmation)).toEqual(['timeout', 'approved']);
  });
});
