import { describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventBody } from './turn-events.ts';
import { turnDetailsOf } from './turn-details.ts';

const numbered = (bodies: TurnEventBody[]): TurnEvent[] =>
  bodies.map((body, index) => ({ ...body, turnId: 't', seq: index + 1 }) as TurnEvent);
const citation = {
  patternId: 'p1',
  title: 'Debounce',
  language: 'typescript',
  score: 0.8,
  sources: { vector: 0.7, text: 0.4 },
};

describe('turnDetailsOf', () => {
  it('collects citations, tool calls with their results, and review findings, ignoring text', () => {
    const details = turnDetailsOf(
      numbered([
        { type: 'retrieval', citations: [citation], notice: 'Vector search is unavailable.' },
        { type: 'text.delta', delta: 'Hello' },
        { type: 'tool.call', callId: 'c1', server: 'files', tool: 'read', arguments: { path: 'a.ts' } },
        { type: 'tool.call', callId: 'c2', server: 'files', tool: 'list', arguments: {} },
        { type: 'tool.result', callId: 'c1', ok: true, summary: '12 lines' },
        {
          type: 'review.findings',
          language: 'typescript',
          summary: '1 problem',
          findings: [
            {
              severity: 'error',
              line: 3,
              category: 'correctness',
              message: 'x is never assigned',
              suggestion: 'assign x',
              rule: 'typescript',
            },
          ],
        },
      ]),
    );
    expect(details.citations).toEqual([citation]);
    expect(details.retrievalNotice).toBe('Vector search is unavailable.');
    expect(details.toolCalls).toEqual([
      {
        callId: 'c1',
        server: 'files',
        tool: 'read',
        arguments: { path: 'a.ts' },
        result: { ok: true, summary: '12 lines' },
      },
      { callId: 'c2', server: 'files', tool: 'list', arguments: {}, result: null },
    ]);
    expect(details.review?.findings[0]?.message).toBe('x is never assigned');
  });

  it('is empty for a turn that only streamed text', () => {
    expect(turnDetailsOf(numbered([{ type: 'text.delta', delta: 'hi' }]))).toEqual({
      citations: [],
      retrievalNotice: null,
      toolCalls: [],
      review: null,
    });
  });
});
