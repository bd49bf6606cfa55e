import { conversationExportSchema, type ConversationExport } from '../../protocol/conversation-export.ts';

/** Valid (version 4) UUIDs, told apart by their last digits. */
const uuid = (n: number) => `7c9e6679-7425-40de-944b-${n.toString(16).padStart(12, '0')}`;

/** Ids of the sample's messages, for tests that look for one. */
export const sampleIds = {
  conversation: uuid(1),
  question: uuid(10),
  answer: uuid(11),
  reviewRequest: uuid(12),
  review: uuid(13),
  editedQuestion: uuid(14),
  session: uuid(15),
  followUp: uuid(16),
  stopped: uuid(17),
  user: uuid(90),
  learnedPattern: uuid(91),
} as const;

/** The answer's Markdown: a four-backtick fence holding a three-backtick one (it must survive export as it is). */
const answerContent = [
  'Wrap the handler so it runs only once the user stops typing:',
  '',
  '```ts',
  'export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number) {',
  '  let timer: ReturnType<typeof setTimeout> | undefined;',
  '  return (...args: A) => {',
  '    clearTimeout(timer);',
  '    timer = setTimeout(() => run(...args), waitMs);',
  '  };',
  '}',
  '```',
  '',
  'In a README you would document it like this:',
  '',
  '````markdown',
  '```ts',
  'input.addEventListener("input", debounce(search, 300));',
  '```',
  '````',
].join('\n');

/** Attempt code whose doc comment holds a fence, so a plain three-backtick fence around it would break. */
const passingCode = [
  '/**',
  ' * Calls `run` once `waitMs` passed without a new call.',
  ' * ```ts',
  ' * const onInput = debounce(search, 300);',
  ' * ```',
  ' */',
  'export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number) {',
  '  let timer: ReturnType<typeof setTimeout> | undefined;',
  '  return (...args: A) => {',
  '    if (timer !== undefined) clearTimeout(timer);',
  '    timer = setTimeout(() => run(...args), waitMs);',
  '  };',
  '}',
  '',
].join('\n');

const failingCode = passingCode.replace('    if (timer !== undefined) clearTimeout(timer);\n', '');

const tests = "test('calls once', () => { /* … */ });\n";

/**
 * A realistic export for tests: a title with Unicode and markup, a project, an edit of the second question (two
 * branches, the active leaf on the second), an answer with three citations and a thumbs up, a review, a code
 * session with a failed then a passed attempt and an approval, a tool call, and an answer stopped mid-code-block.
 * A new object each call: tests may change it.
 */
export function sampleExport(): ConversationExport {
  const anthropic = { provider: 'anthropic', model: 'claude-sonnet-4-5' } as const;
  return {
    schema: conversationExportSchema,
    exportedAt: '2026-12-06T09:30:00.000Z',
    kilnVersion: '1.4.0',
    conversation: {
      id: sampleIds.conversation,
      title: 'Débounce ✨ <b>search</b> input — 検索',
      createdAt: '2026-12-05T14:03:12.000Z',
      updatedAt: '2026-12-05T14:21:40.000Z',
      activeLeafId: sampleIds.stopped,
      project: { id: uuid(2), name: 'Storefront' },
      origin: null,
    },
    messages: [
      {
        id: sampleIds.question,
        parentId: null,
        role: 'user',
        content: 'How do I debounce a search input in TypeScript?',
        status: 'complete',
        createdAt: '2026-12-05T14:03:12.000Z',
        usage: null,
        turn: null,
        feedback: null,
      },
      {
        id: sampleIds.answer,
        parentId: sampleIds.question,
        role: 'assistant',
        content: answerContent,
        status: 'complete',
        createdAt: '2026-12-05T14:03:15.000Z',
        usage: { inputTokens: 1834, outputTokens: 212, costUsd: 0.0087 },
        turn: {
          turnId: uuid(20),
          intent: { intent: 'ask', confidence: 0.93, via: 'rule', reason: 'a how-to question' },
          engine: anthropic,
          usage: { inputTokens: 1834, outputTokens: 212, costUsd: 0.0087 },
          latency: { firstTokenMs: 640, totalMs: 3210 },
          error: null,
          details: {
            citations: [
              {
                patternId: uuid(30),
                title: 'Debounce with a generic handler',
                language: 'typescript',
                score: 0.82,
                relevance: 0.91,
                sources: { vector: 0.88, text: 0.61 },
                project: { id: uuid(2), name: 'Storefront' },
                path: 'src/lib/debounce.ts',
              },
              {
                patternId: uuid(31),
                title: 'Cancel stale fetches with AbortController',
                language: 'typescript',
                score: 0.64,
                relevance: 0.55,
                sources: { vector: 0.7, graph: 0.4 },
              },
              {
                patternId: uuid(32),
                title: 'Throttle vs. debounce [notes]',
                language: 'javascript',
                score: 0.41,
                sources: { text: 0.41 },
              },
            ],
            retrievalNotice: null,
            toolCalls: [],
            review: null,
            session: null,
          },
        },
        feedback: 'up',
      },
      {
        id: sampleIds.reviewRequest,
        parentId: sampleIds.answer,
        role: 'user',
        content:
          'Review mine:\n\n```ts\nfunction debounce(f, ms) { let t; return () => { t = setTimeout(f, ms); }; }\n```',
        status: 'complete',
        createdAt: '2026-12-05T14:05:02.000Z',
        usage: null,
        turn: null,
        feedback: null,
      },
      {
        id: sampleIds.review,
        parentId: sampleIds.reviewRequest,
        role: 'assistant',
        content: 'Two problems: the timer is never cleared, and the arguments are dropped.',
        status: 'complete',
        createdAt: '2026-12-05T14:05:06.000Z',
        usage: { inputTokens: 950, outputTokens: 130, costUsd: 0.0048 },
        turn: {
          turnId: uuid(21),
          intent: { intent: 'review', confidence: 0.88, via: 'classifier', reason: 'code to review' },
          engine: anthropic,
          usage: { inputTokens: 950, outputTokens: 130, costUsd: 0.0048 },
          latency: { firstTokenMs: 420, totalMs: 2050 },
          error: null,
          details: {
            citations: [],
            retrievalNotice: 'The graph store did not answer; results come from vector and text search only.',
            toolCalls: [],
            review: {
              language: 'typescript',
              summary: '1 error, 1 warning',
              findings: [
                {
                  severity: 'error',
                  line: 1,
                  category: 'correctness',
                  message: 'The previous timer is never cleared, so every call still runs.',
                  suggestion: 'Call clearTimeout(t) before setting a new timer.',
                  rule: 'debounce-clears-timer',
                },
                {
                  severity: 'warning',
                  line: 1,
                  category: 'readability',
                  message: 'Parameters `f` and `ms` have implicit any types.',
                  suggestion: 'Type the handler and the delay.',
                  rule: 'typescript',
                },
              ],
            },
            session: null,
          },
        },
        feedback: null,
      },
      {
        id: sampleIds.editedQuestion,
        parentId: sampleIds.answer,
        role: 'user',
        content: 'Write a debounce function with tests, and run them.',
        status: 'complete',
        createdAt: '2026-12-05T14:10:30.000Z',
        usage: null,
        turn: null,
        feedback: null,
      },
      {
        id: sampleIds.session,
        parentId: sampleIds.editedQuestion,
        role: 'assistant',
        content: 'Here is a tested `debounce`; the second attempt passed.',
        status: 'complete',
        createdAt: '2026-12-05T14:10:34.000Z',
        usage: { inputTokens: 4210, outputTokens: 980, costUsd: 0.0273 },
        turn: {
          turnId: uuid(22),
          intent: { intent: 'generate', confidence: 0.97, via: 'llm', reason: 'asks for code and tests' },
          engine: anthropic,
          usage: { inputTokens: 4210, outputTokens: 980, costUsd: 0.0273 },
          latency: { firstTokenMs: 810, totalMs: 14_600 },
          error: null,
          details: {
            citations: [],
            retrievalNotice: null,
            toolCalls: [],
            review: null,
            session: {
              phase: 'done',
              attempts: [
                {
                  attempt: 1,
                  language: 'typescript',
                  code: failingCode,
                  tests,
                  runId: uuid(40),
                  patternIds: [uuid(30)],
                  output: ' FAIL  debounce.test.ts > calls once\nAssertionError: expected 2 to equal 1\n',
                  outputCut: false,
                  result: {
                    exitCode: 1,
                    passed: false,
                    durationMs: 1843,
                    timedOut: false,
                    oom: false,
                    tests: {
                      passed: 2,
                      failed: 1,
                      failures: [{ name: 'calls once', message: 'expected 2 to equal 1' }],
                    },
                  },
                },
                {
                  attempt: 2,
                  language: 'typescript',
                  code: passingCode,
                  tests,
                  runId: uuid(41),
                  patternIds: [uuid(30)],
                  repairs: { signatureId: uuid(50), message: 'AssertionError: expected 2 to equal 1' },
                  output: ' ✓ debounce.test.ts (3 tests) 12ms\n',
                  outputCut: false,
                  result: {
                    exitCode: 0,
                    passed: true,
                    durationMs: 1520,
                    timedOut: false,
                    oom: false,
                    tests: { passed: 3, failed: 0, failures: [] },
                  },
                },
              ],
              outcome: { status: 'passed', attempts: 2, reason: 'All 3 tests passed.', approvable: true },
              approval: {
                decision: 'approve',
                note: 'Clean; keep it.',
                by: sampleIds.user,
                at: '2026-12-05T14:12:00.000Z',
                patternId: sampleIds.learnedPattern,
                duplicate: false,
              },
            },
          },
        },
        feedback: null,
      },
      {
        id: sampleIds.followUp,
        parentId: sampleIds.session,
        role: 'user',
        content: 'How does lodash do it? Check the docs.',
        status: 'complete',
        createdAt: '2026-12-05T14:21:30.000Z',
        usage: null,
        turn: null,
        feedback: null,
      },
      {
        id: sampleIds.stopped,
        parentId: sampleIds.followUp,
        role: 'assistant',
        // Stopped mid-code-block: the fence is never closed.
        content:
          "Lodash's `debounce` also takes `leading` and `trailing` options:\n\n```ts\nimport debounce from 'lodash",
        status: 'stopped',
        createdAt: '2026-12-05T14:21:33.000Z',
        usage: { inputTokens: 2300, outputTokens: 40, costUsd: 0.0075 },
        turn: {
          turnId: uuid(23),
          intent: { intent: 'tool', confidence: 0.8, via: 'rule', reason: 'asks to check the docs' },
          engine: anthropic,
          usage: { inputTokens: 2300, outputTokens: 40, costUsd: 0.0075 },
          latency: { firstTokenMs: 1900, totalMs: 4100 },
          error: null,
          details: {
            citations: [],
            retrievalNotice: null,
            toolCalls: [
              {
                callId: 'toolu_01',
                server: 'docs',
                tool: 'search',
                arguments: { query: 'lodash debounce' },
                result: { ok: true, summary: '3 pages found for "lodash debounce"' },
                confirmation: null,
              },
            ],
            review: null,
            session: null,
          },
        },
        feedback: null,
      },
    ],
  };
}
