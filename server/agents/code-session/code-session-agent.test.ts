import { describe, expect, it } from 'vitest';
import { findError } from '../../../knowledge/errors/find-error.ts';
import { InMemoryGraphStore } from '../../../knowledge/graph/in-memory-graph-store.ts';
import type { ErrorSignature } from '../../../knowledge/learning/pattern-learning.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import { graphChange } from '../../../knowledge/patterns/pattern-indexer.ts';
import type { RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import type { RunEventBody, RunRequest } from '../../../protocol/runs.ts';
import { agentContext, runAgent } from '../../../tests/support/agent-harness.ts';
import {
  InMemorySessionRuns,
  UnavailableSessionRuns,
  sandboxOutput,
  sandboxResult,
  type RunScript,
} from '../../../tests/support/in-memory-session-runs.ts';
import { patternFixture } from '../../../tests/support/pattern-fixture.ts';
import { ScriptedProvider } from '../../../tests/support/scripted-provider.ts';
import type { LlmProvider } from '../../llm/llm-provider.ts';
import { OfflineEngine } from '../../llm/offline-engine.ts';
import type { AgentEvent } from '../agent.ts';
import type { DebugKnowledge } from '../debug/debug-agent.ts';
import type { PatternSearch } from '../retrieve-patterns.ts';
import { CodeSessionAgent, type CodeSessionDependencies } from './code-session-agent.ts';
import type { SessionRuns } from './session-runs.ts';

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\``;

const sumTests =
  "import { describe, expect, it } from 'vitest';\nimport { total } from './solution';\n\ndescribe('total', () => {\n  it('sums the prices', () => expect(total({ items: [{ price: 2 }, { price: 3 }] })).toBe(5));\n});";
const wrongCode =
  'export function total(cart: { lines: { price: number }[] }): number {\n  return cart.lines.map((line) => line.price).reduce((a, b) => a + b, 0);\n}';
const fixedCode =
  'export function total(cart: { items?: { price: number }[] }): number {\n  return (cart.items ?? []).map((item) => item.price).reduce((a, b) => a + b, 0);\n}';

const sumPrices = patternFixture('ts-sum-prices', {
  title: 'Sum the prices of cart items',
  code: 'export const total = (cart: { items: { price: number }[] }) =>\n  cart.items.reduce((sum, item) => sum + item.price, 0);',
  tests: sumTests,
  source: { kind: 'seed', path: 'knowledge/corpus/typescript/sum-prices/pattern.ts', line: 1 },
});
const guard = patternFixture('ts-guard-undefined', {
  title: 'Guard against undefined data before mapping',
  code: 'export const safeMap = <T, U>(items: T[] | undefined, map: (item: T) => U): U[] => (items ?? []).map(map);',
  source: { kind: 'seed', path: 'knowledge/corpus/typescript/guard-undefined/pattern.ts', line: 1 },
});

const request = 'Write a TypeScript function total(cart) that sums the prices of the items in a cart';
const typeError = "TypeError: Cannot read properties of undefined (reading 'map')";
const signature = findError(typeError)!;

/** A search that finds the sum-prices pattern whatever it is asked, and records what it was asked. */
function retriever(): PatternSearch & { queries: string[] } {
  const queries: string[] = [];
  const hit: RetrievedPattern = { pattern: sumPrices, score: 0.9, sources: { vector: 0.8, text: 0.4 }, relevance: 0.9 };
  return {
    queries,
    search: async (query) => {
      queries.push(query);
      return { results: [hit], notices: [] };
    },
  };
}

/** The graph and patterns, with `guard` filed as the fix for the TypeError the failing code throws. */
async function knowledgeWithFix(): Promise<DebugKnowledge> {
  const graph = new InMemoryGraphStore();
  await graph.write(graphChange([{ pattern: guard, fixes: [typeError] }]));
  const all = new Map<string, Pattern>([sumPrices, guard].map((pattern) => [pattern.id, pattern]));
  return { graph, patterns: { findByIds: async (ids) => ids.flatMap((id) => all.get(id) ?? []) } };
}

/** Learning that records the fixes it is asked to file. */
function learning() {
  const fixes: [string[], ErrorSignature][] = [];
  return {
    fixes,
    recordFix: async (patternIds: string[], fixed: ErrorSignature) => {
      fixes.push([patternIds, fixed]);
      return patternIds;
    },
  };
}

const passing = (tests = 1): RunEventBody[] => [
  sandboxOutput('stdout', ` ✓ solution.test.ts (${tests} tests)\n`),
  sandboxResult({ tests: { passed: tests, failed: 0, failures: [] } }),
];
const failing: RunEventBody[] = [
  sandboxOutput('stderr', `${typeError}\n    at total (/sandbox/solution.ts:2:22)\n`),
  sandboxResult({
    exitCode: 1,
    passed: false,
    tests: { passed: 0, failed: 1, failures: [{ name: 'total > sums the prices', message: typeError }] },
  }),
];

const answer = (intro: string, code: string) => [intro, '\n\n', fence('ts', code), '\n\n', fence('ts', sumTests), '\n'];

function session(dependencies: Partial<CodeSessionDependencies> & { provider: LlmProvider }) {
  return new CodeSessionAgent({ retriever: retriever(), ...dependencies });
}

function ofType<T extends AgentEvent['type']>(events: AgentEvent[], type: T): Extract<AgentEvent, { type: T }>[] {
  return events.filter((event): event is Extract<AgentEvent, { type: T }> => event.type === type);
}

const phases = (events: AgentEvent[]) => ofType(events, 'session.phase').map((event) => [event.phase, event.attempt]);

describe('CodeSessionAgent with the offline engine', () => {
  it("runs the closest verified pattern with its tests, relays the run, and reports it passed (not approvable: it isn't new)", async () => {
    const runs = new InMemorySessionRuns(() => passing(2));
    const { events, text } = await runAgent(
      session({ provider: new OfflineEngine(), runs: () => runs }),
      agentContext(request),
    );

    expect(phases(events)).toEqual([
      ['plan', 1],
      ['generate', 1],
      ['validate', 1],
      ['done', 1],
    ]);
    expect(ofType(events, 'session.attempt')).toEqual([
      {
        type: 'session.attempt',
        attempt: 1,
        language: 'typescript',
        code: sumPrices.code,
        tests: sumTests,
        runId: 'run-1',
        patternIds: ['ts-sum-prices'],
      },
    ]);
    expect(runs.requests).toEqual<RunRequest[]>([
      { language: 'typescript', code: sumPrices.code, tests: sumTests, patternIds: ['ts-sum-prices'] },
    ]);
    expect(events.filter((event) => event.type !== 'text.delta' && event.type !== 'session.phase')).toEqual([
      { type: 'retrieval', citations: [expect.objectContaining({ patternId: 'ts-sum-prices' })] },
      expect.objectContaining({ type: 'session.attempt' }),
      { type: 'sandbox.output', stream: 'stdout', chunk: ' ✓ solution.test.ts (2 tests)\n' },
      {
        type: 'sandbox.result',
        exitCode: 0,
        passed: true,
        durationMs: 1200,
        timedOut: false,
        oom: false,
        tests: { passed: 2, failed: 0, failures: [] },
      },
      {
        type: 'session.outcome',
        status: 'passed',
        attempts: 1,
        reason: '2 tests passed in 1.2 s',
        approvable: false,
      },
    ]);
    expect(text).toContain(sumPrices.code);
    expect(text.endsWith('\n**Passed:** 2 tests passed in 1.2 s.\n')).toBe(true);
  });

  it('reports a run that could not be carried out (code that does not compile) as failed, and cannot repair it', async () => {
    const runs = new InMemorySessionRuns(() => [
      {
        type: 'run.diagnostics',
        diagnostics: [
          {
            kind: 'syntax',
            blocking: true,
            source: 'code',
            file: 'pattern.ts',
            line: 2,
            column: 9,
            message: "';' expected.",
          },
        ],
      },
      { type: 'run.error', code: 'does_not_compile', message: 'The code does not compile.' },
    ]);
    const { events, text } = await runAgent(
      session({ provider: new OfflineEngine(), runs: () => runs }),
      agentContext(request),
    );

    expect(phases(events)).toEqual([
      ['plan', 1],
      ['generate', 1],
      ['validate', 1],
      ['done', 1],
    ]);
    expect(runs.requests).toHaveLength(1);
    expect(ofType(events, 'session.attempt')).toEqual([expect.objectContaining({ attempt: 1, runId: 'run-1' })]);
    expect(ofType(events, 'sandbox.output')).toEqual([
      { type: 'sandbox.output', stream: 'stderr', chunk: "pattern.ts:2:9 SyntaxError: ';' expected.\n" },
    ]);
    expect(ofType(events, 'sandbox.result')).toEqual([]);
    const [outcome] = ofType(events, 'session.outcome');
    expect(outcome).toMatchObject({ status: 'failed', attempts: 1, approvable: false });
    expect(outcome!.reason).toMatch(/without a model Kiln cannot repair it$/);
    expect(text).toContain(`**Still failing:** ${outcome!.reason}.`);
    expect(text).toContain('Configure a model');
  });
});

describe('CodeSessionAgent with a model', () => {
  it('repairs failing code grounded in the fix on record, runs it again, and files the fix when it passes', async () => {
    const provider = new ScriptedProvider({
      replies: [
        answer('I sum the line prices.', wrongCode),
        answer('The cart holds `items`, not `lines`, and may have none.', fixedCode),
      ],
    });
    const runs = new InMemorySessionRuns((_request, index) => (index === 0 ? failing : passing()));
    const learned = learning();
    const { events, text } = await runAgent(
      session({ provider, runs: () => runs, knowledge: await knowledgeWithFix(), learning: learned }),
      agentContext(request),
    );

    expect(phases(events)).toEqual([
      ['plan', 1],
      ['generate', 1],
      ['validate', 1],
      ['repair', 2],
      ['validate', 2],
      ['done', 2],
    ]);
    const attempts = ofType(events, 'session.attempt');
    expect(attempts.map((attempt) => [attempt.attempt, attempt.code, attempt.tests, attempt.runId])).toEqual([
      [1, wrongCode, sumTests, 'run-1'],
      [2, fixedCode, sumTests, 'run-2'],
    ]);
    expect(attempts[0]!.patternIds).toEqual(['ts-sum-prices']);
    expect(attempts[1]!.patternIds).toEqual(['ts-sum-prices', 'ts-guard-undefined']);
    expect(attempts[1]!.repairs?.signatureId).toBe(signature.id);
    expect(runs.requests.map((run) => [run.code, run.patternIds])).toEqual([
      [wrongCode, ['ts-sum-prices']],
      [fixedCode, ['ts-sum-prices', 'ts-guard-undefined']],
    ]);

    // The fix on record is cited first, from the graph.
    const citations = ofType(events, 'retrieval').at(-1)!.citations;
    expect(citations.map((citation) => [citation.patternId, citation.sources.graph])).toEqual([
      ['ts-guard-undefined', 1],
      ['ts-sum-prices', undefined],
    ]);

    // The model is told what failed, and given the fix as grounding.
    expect(provider.requests).toHaveLength(2);
    expect(provider.requests[0]!.tools?.map((tool) => tool.name)).toEqual(['search_patterns', 'run_code']);
    const repair = provider.requests[1]!;
    const told = repair.messages.at(-1)!;
    expect(told.role).toBe('user');
    expect(told.content).toContain(`FAIL total > sums the prices: ${typeError}`);
    expect(told.content).toContain('at total (/sandbox/solution.ts:2:22)');
    expect(told.content).toContain(guard.code);
    expect(repair.grounding?.[0]?.id).toBe('ts-guard-undefined');
    expect(repair.messages.some((message) => message.role === 'assistant' && message.content.includes(wrongCode))).toBe(
      true,
    );

    expect(learned.fixes).toEqual([[['ts-guard-undefined'], expect.objectContaining({ id: signature.id })]]);
    expect(ofType(events, 'sandbox.result').map((result) => result.passed)).toEqual([false, true]);
    expect(ofType(events, 'session.outcome')).toEqual([
      {
        type: 'session.outcome',
        status: 'passed',
        attempts: 2,
        reason: '1 test passed in 1.2 s on attempt 2',
        approvable: true,
      },
    ]);
    expect(text).toContain(
      `**Attempt 1 failed:** 1 of 1 test failed (total > sums the prices: ${typeError}). Repairing…`,
    );
    expect(text.endsWith('**Passed:** 1 test passed in 1.2 s on attempt 2.\n')).toBe(true);
  });

  it("files the fix under the error's normalised message with its type, as learning records errors", async () => {
    const provider = new ScriptedProvider({ replies: [answer('First.', wrongCode), answer('Fixed.', fixedCode)] });
    const runs = new InMemorySessionRuns((_request, index) => (index === 0 ? failing : passing()));
    const learned = learning();
    await runAgent(
      session({ provider, runs: () => runs, knowledge: await knowledgeWithFix(), learning: learned }),
      agentContext(request),
    );
    // As `errorOfOutput` files a failed run's error, so the node's message is not rewritten without its type.
    expect(learned.fixes).toEqual([
      [['ts-guard-undefined'], { id: signature.id, message: `TypeError: ${signature.template}` }],
    ]);
  });

  it('gives up after three repairs: four attempts, failed, and no fix filed', async () => {
    const provider = new ScriptedProvider({ replies: () => answer('Try this.', wrongCode) });
    const runs = new InMemorySessionRuns(() => failing);
    const learned = learning();
    const { events, text } = await runAgent(
      session({ provider, runs: () => runs, knowledge: await knowledgeWithFix(), learning: learned }),
      agentContext(request),
    );

    expect(runs.requests).toHaveLength(4);
    expect(provider.requests).toHaveLength(4);
    expect(ofType(events, 'session.attempt').map((attempt) => attempt.attempt)).toEqual([1, 2, 3, 4]);
    expect(phases(events)).toEqual([
      ['plan', 1],
      ['generate', 1],
      ['validate', 1],
      ['repair', 2],
      ['validate', 2],
      ['repair', 3],
      ['validate', 3],
      ['repair', 4],
      ['validate', 4],
      ['done', 4],
    ]);
    const reason = `still failing after 3 repairs: 1 of 1 test failed (total > sums the prices: ${typeError})`;
    expect(ofType(events, 'session.outcome')).toEqual([
      { type: 'session.outcome', status: 'failed', attempts: 4, reason, approvable: false },
    ]);
    expect(text).toContain(`**Still failing:** ${reason}.`);
    expect(learned.fixes).toEqual([]);
  });

  it('runs nothing when the answer has code only in a language the sandbox does not run, and says which', async () => {
    const provider = new ScriptedProvider({
      replies: [['Use an upsert:\n\n', fence('sql', 'INSERT INTO carts (id) VALUES ($1) ON CONFLICT DO NOTHING;')]],
    });
    const runs = new InMemorySessionRuns(() => passing());
    const { events } = await runAgent(session({ provider, runs: () => runs }), agentContext(request));
    expect(runs.requests).toEqual([]);
    expect(ofType(events, 'session.attempt')).toEqual([]);
    expect(ofType(events, 'session.outcome')).toEqual([
      {
        type: 'session.outcome',
        status: 'not-run',
        attempts: 0,
        reason: "Kiln's sandbox does not run sql",
        approvable: false,
      },
    ]);
  });
});

describe('CodeSessionAgent without a sandbox', () => {
  const unavailable = new UnavailableSessionRuns();
  it.each<[string, () => SessionRuns | undefined, string]>([
    ['no runs at all', () => undefined, 'code execution is not available in this Kiln process'],
    ['runs that refuse (no sandbox driver)', () => unavailable, unavailable.reason],
  ])('says the code was not run, and why, with %s', async (_case, runs, reason) => {
    const { events, text } = await runAgent(session({ provider: new OfflineEngine(), runs }), agentContext(request));

    expect(ofType(events, 'session.attempt')).toEqual([
      {
        type: 'session.attempt',
        attempt: 1,
        language: 'typescript',
        code: sumPrices.code,
        tests: sumTests,
        runId: null,
        patternIds: ['ts-sum-prices'],
      },
    ]);
    expect(ofType(events, 'sandbox.output')).toEqual([]);
    expect(ofType(events, 'sandbox.result')).toEqual([]);
    expect(ofType(events, 'session.outcome')).toEqual([
      { type: 'session.outcome', status: 'not-run', attempts: 1, reason, approvable: false },
    ]);
    expect(text).toContain(`**Not run:** ${reason}`);
    expect(text).toContain('Nothing was verified.');
    expect(unavailable.eventReads).toBe(0);
  });

  it.each<[string, () => SessionRuns | undefined]>([
    ['no runs at all', () => undefined],
    ['runs that refuse', () => new UnavailableSessionRuns()],
  ])('writes the not-run reason as one sentence, with %s', async (_case, runs) => {
    const { text } = await runAgent(session({ provider: new OfflineEngine(), runs }), agentContext(request));
    expect(text).toMatch(/\*\*Not run:\*\* [^\n]*[^.]\. Nothing was verified\.\n$/);
  });

  it('does not offer the model a run tool when there is no sandbox', async () => {
    const provider = new ScriptedProvider({ replies: [answer('Here it is.', fixedCode)] });
    const { events } = await runAgent(session({ provider, runs: () => undefined }), agentContext(request));
    expect(provider.requests[0]!.tools?.map((tool) => tool.name)).toEqual(['search_patterns']);
    expect(ofType(events, 'session.outcome')[0]).toMatchObject({ status: 'not-run', attempts: 1 });
  });
});

describe('CodeSessionAgent on pasted code', () => {
  it('runs the pasted code and tests as given: no generation, no model, no patterns', async () => {
    const provider = new ScriptedProvider({ replies: [] });
    const search = retriever();
    const runs = new InMemorySessionRuns(() => passing());
    const message = `run this\n\n${fence('ts', fixedCode)}\n\n${fence('ts', sumTests)}`;
    const { events, text } = await runAgent(
      session({ provider, retriever: search, runs: () => runs }),
      agentContext(message),
    );

    expect(phases(events)).toEqual([
      ['plan', 1],
      ['validate', 1],
      ['done', 1],
    ]);
    expect(provider.requests).toEqual([]);
    expect(search.queries).toEqual([]);
    expect(runs.requests).toEqual<RunRequest[]>([{ language: 'typescript', code: fixedCode, tests: sumTests }]);
    expect(ofType(events, 'session.attempt')).toEqual([
      expect.objectContaining({ attempt: 1, code: fixedCode, tests: sumTests, runId: 'run-1', patternIds: [] }),
    ]);
    expect(ofType(events, 'session.outcome')).toEqual([
      {
        type: 'session.outcome',
        status: 'passed',
        attempts: 1,
        reason: '1 test passed in 1.2 s',
        approvable: true,
      },
    ]);
    expect(text.startsWith("I'll run your TypeScript code and its tests in Kiln's sandbox.\n")).toBe(true);
  });
});

describe('CodeSessionAgent when the turn is stopped', () => {
  it('stops while the run streams, throwing the abort reason, with no outcome', async () => {
    const stillRunning: RunScript = () => [sandboxOutput('stdout', 'working…\n')];
    const runs = new InMemorySessionRuns(stillRunning);
    const controller = new AbortController();
    const iterator = session({ provider: new OfflineEngine(), runs: () => runs }).run(
      agentContext(request, { signal: controller.signal }),
    );
    const seen: AgentEvent[] = [];
    const finished = (async () => {
      for (;;) {
        const step = await iterator.next();
        if (step.done) return step.value;
        seen.push(step.value);
        if (step.value.type === 'sandbox.output') controller.abort(new Error('stopped by the user'));
      }
    })();

    await expect(finished).rejects.toThrow('stopped by the user');
    expect(seen.map((event) => event.type)).toContain('sandbox.output');
    expect(ofType(seen, 'session.outcome')).toEqual([]);
    expect(ofType(seen, 'session.phase').map((event) => event.phase)).not.toContain('done');
  });
});
