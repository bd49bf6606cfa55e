import { describe, expect, it } from 'vitest';
import type { SessionAttemptRecord } from '../../protocol/turn-details.ts';
import { learnedPattern } from './approval-service.ts';

const attempt: SessionAttemptRecord = {
  attempt: 2,
  language: 'python',
  code: 'def greet(name):\n    return "hello " + name\n',
  tests: 'import unittest\n',
  runId: 'r2',
  patternIds: ['py-a'],
  repairs: { signatureId: 'sig', message: "KeyError: '<name>'" },
  output: '',
  outputCut: false,
  result: { exitCode: 0, passed: true, durationMs: 10, timedOut: false, oom: false },
};
const from = {
  conversationId: 'c',
  messageId: 'm',
  turnId: 't',
  runIds: ['r1', 'r2'],
  approvedBy: 'dev@example.com',
  approvedAt: '2026-12-05T00:00:00.000Z',
};

describe('learnedPattern', () => {
  it("is titled by the request, summarised by the answer's approach, and filed as the repair's fix", () => {
    const learned = learnedPattern(
      attempt,
      '/code write a function that greets someone by name in Python',
      'It joins the greeting and the name. More detail here.\n\n```python\n…\n```',
      from,
    );
    expect(learned).toMatchObject({
      title: 'Function that greets someone by name in Python',
      summary: 'It joins the greeting and the name.',
      language: 'python',
      questions: ['write a function that greets someone by name in Python'],
      basedOn: ['py-a'],
      fixes: { id: 'sig', message: "KeyError: '<name>'" },
      learnedFrom: from,
    });
  });

  it('takes its title from the code when the request only asked to run it', () => {
    const learned = learnedPattern(attempt, 'Run this please:\n```python\ndef greet(name): ...\n```', '', from);
    expect(learned.title).toBe('greet (python)');
  });
});
