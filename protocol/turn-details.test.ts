import { describe, expect, it } from 'vitest';
import type { TurnEvent, TurnEventBody } from './turn-events.ts';
import { sessionOutputLimit, turnDetailsOf } from './turn-details.ts';

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
        confirmation: null,
      },
      { callId: 'c2', server: 'files', tool: 'list', arguments: {}, result: null, confirmation: null },
    ]);
    expect(details.review?.findings[0]?.message).toBe('x is never assigned');
  });

  it('is empty for a turn that only streamed text', () => {
    expect(turnDetailsOf(numbered([{ type: 'text.delta', delta: 'hi' }]))).toEqual({
      citations: [],
      retrievalNotice: null,
      toolCalls: [],
      review: null,
      session: null,
    });
  });

  it("folds a code session: each attempt's code, its output (capped) and verdict, and the outcome", () => {
    const result = { exitCode: 1, passed: false, durationMs: 40, timedOut: false, oom: false };
    const details = turnDetailsOf(
      numbered([
        { type: 'session.phase', phase: 'validate', attempt: 1 },
        {
          type: 'session.attempt',
          attempt: 1,
          language: 'python',
          code: 'x',
          tests: null,
          runId: 'r1',
          patternIds: ['p'],
        },
        { type: 'sandbox.output', stream: 'stderr', chunk: 'Key' },
        { type: 'sandbox.output', stream: 'stderr', chunk: 'Error\n' },
        { type: 'sandbox.result', ...result },
        { type: 'session.phase', phase: 'validate', attempt: 2 },
        {
          type: 'session.attempt',
          attempt: 2,
          language: 'python',
          code: 'y',
          tests: null,
          runId: 'r2',
          patternIds: [],
          repairs: { signatureId: 's', message: 'KeyError: <name>' },
        },
        { type: 'sandbox.output', stream: 'stdout', chunk: 'a'.repeat(sessionOutputLimit + 10) },
        { type: 'sandbox.result', ...result, exitCode: 0, passed: true },
        { type: 'session.outcome', status: 'passed', attempts: 2, reason: 'it ran', approvable: true },
        { type: 'session.phase', phase: 'done', attempt: 2 },
      ]),
    );
    expect(details.session?.phase).toBe('done');
    expect(
      details.session?.attempts.map((attempt) => [attempt.code, attempt.output.length, attempt.outputCut]),
    ).toEqual([
      ['x', 'KeyError\n'.length, false],
      ['y', sessionOutputLimit, true],
    ]);
    expect(details.session?.attempts[0]?.result).toEqual(result);
    expect(details.session?.attempts[1]?.repairs?.message).toBe('KeyError: <name>');
    expect(details.session?.outcome).toEqual({ status: 'passed', attempts: 2, reason: 'it ran', approvable: true });
    expect(details.session?.approval).toBeNull();
  });
});
