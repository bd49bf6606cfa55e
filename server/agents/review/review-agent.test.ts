import { describe, expect, it } from 'vitest';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import type { RetrievalResult } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { agentContext, runAgent } from '../../../tests/support/agent-harness.ts';
import { patternFixture } from '../../../tests/support/pattern-fixture.ts';
import { LlmError } from '../../llm/llm-error.ts';
import type { LlmProvider, LlmRequest, LlmStreamPart } from '../../llm/llm-provider.ts';
import { OfflineEngine } from '../../llm/offline-engine.ts';
import { ReviewAgent } from './review-agent.ts';

const sqlSnippet =
  '```ts\nasync function getUser(db, id) {\n  const rows = await db.query("SELECT * FROM users WHERE id=" + id);\n  return rows[0];\n}\n```';

async function run(agent: ReviewAgent, message: string) {
  const { events, text, result } = await runAgent(agent, agentContext(message));
  return { events, text, result, findings: events.find((event) => event.type === 'review.findings') };
}

const pattern = (id: string, title: string, language: string): Pattern =>
  patternFixture(id, { title, language, summary: `${title}.`, code: '// code' });

/** A store holding one pattern per topic, searched by a word of the query. */
class FakeRetriever {
  readonly queries: { question: string; prefer?: string }[] = [];
  async search(question: string, options: { prefer?: string } = {}): Promise<RetrievalResult> {
    this.queries.push({ question, prefer: options.prefer });
    const hit = /parameterized/.test(question)
      ? pattern('ts-parameterized-sql-query', 'Run parameterized SQL queries with pg', 'typescript')
      : undefined;
    return {
      results: hit ? [{ pattern: hit, score: 3.1, sources: { vector: 0.61, text: 0.4 }, relevance: 0.8 }] : [],
      notices: [],
    };
  }
}

class FakeModel implements LlmProvider {
  readonly engine = { provider: 'openai' as const, model: 'fake' };
  readonly requests: LlmRequest[] = [];
  constructor(private readonly failure?: Error) {}
  async *stream(request: LlmRequest): AsyncGenerator<LlmStreamPart> {
    this.requests.push(request);
    if (this.failure) throw this.failure;
    yield { type: 'text-delta', text: 'Line 3: rows may be empty.' };
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: 120, outputTokens: 9 } };
  }
}

describe('the review agent', () => {
  it('emits one findings event, cites the pattern for the fix, and streams the same review as Markdown', async () => {
    const retriever = new FakeRetriever();
    const { events, text, result, findings } = await run(
      new ReviewAgent(new OfflineEngine(), retriever),
      `Review this please:\n${sqlSnippet}`,
    );

    expect(events.filter((event) => event.type === 'review.findings')).toHaveLength(1);
    expect(findings).toMatchObject({
      language: 'typescript',
      findings: [
        {
          rule: 'sql-injection',
          line: 2,
          severity: 'error',
          category: 'security',
          suggestion: expect.stringContaining('$1'),
        },
      ],
      summary: expect.stringMatching(
        /^1 error, 0 warnings, 0 info\. Most important: line 2, SQL injection.*Verdict: Not safe to ship.*Kiln's static checks/,
      ),
    });
    expect(events.find((event) => event.type === 'retrieval')).toMatchObject({
      citations: [{ patternId: 'ts-parameterized-sql-query' }],
    });
    expect(retriever.queries).toEqual([{ question: expect.stringContaining('parameterized'), prefer: 'typescript' }]);
    expect(text).toContain('**Error · security · line 2** (`sql-injection`): SQL injection');
    expect(text).toContain('See pattern [1].');
    expect(text).toContain('[1] Run parameterized SQL queries with pg');
    expect(text).toContain('### Beyond the static checks');
    expect(text).toContain('no language model was used');
    expect(result.finishReason).toBe('stop');
  });

  it('asks for code when there is none, with an empty findings event', async () => {
    const { events, text } = await run(
      new ReviewAgent(new OfflineEngine(), undefined),
      'Can you review my login flow?',
    );
    expect(events[0]).toEqual({
      type: 'review.findings',
      language: 'unknown',
      findings: [],
      summary: expect.stringContaining('paste the code in a fenced block'),
    });
    expect(text).toContain('paste it in a fenced block');
  });

  it('says so when the checks find nothing', async () => {
    const { findings, text, events } = await run(
      new ReviewAgent(new OfflineEngine(), new FakeRetriever()),
      '```ts\nexport const add = (a: number, b: number): number => a + b;\n```',
    );
    expect(findings).toMatchObject({ findings: [], summary: expect.stringContaining('Verdict: No problems found') });
    expect(events.some((event) => event.type === 'retrieval')).toBe(false);
    expect(text).toContain('0 errors, 0 warnings, 0 info');
  });

  it("adds the model's prose review after the static findings when a model is configured", async () => {
    const model = new FakeModel();
    const { text, result, findings } = await run(new ReviewAgent(model, new FakeRetriever()), sqlSnippet);
    expect(findings).toMatchObject({ summary: expect.stringContaining("Kiln's static checks") });
    expect(text.indexOf('### Beyond the static checks')).toBeGreaterThan(text.indexOf('sql-injection'));
    expect(text).not.toContain('no language model was used');
    expect(text).toContain('Line 3: rows may be empty.');
    expect(model.requests[0]!.system).toContain('line 2, error, security: SQL injection');
    expect(model.requests[0]!.grounding).toMatchObject([{ id: 'ts-parameterized-sql-query' }]);
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 9 });
  });

  it('keeps the static review when the model fails', async () => {
    const failure = new LlmError('llm_unavailable', 'The model server is not answering.', { retryable: true });
    const { text, result } = await run(new ReviewAgent(new FakeModel(failure), undefined), sqlSnippet);
    expect(text).toContain('sql-injection');
    expect(text).toContain("The model's review could not be added (The model server is not answering.)");
    expect(result.finishReason).toBe('stop');
  });

  it('searches the store only for findings whose rule names a fix pattern', async () => {
    const retriever = new FakeRetriever();
    const { events, findings } = await run(
      new ReviewAgent(new OfflineEngine(), retriever),
      '```ts\nconst count: number = "two";\n```',
    );
    expect(findings).toMatchObject({ findings: [{ rule: 'typescript', line: 1 }] });
    expect(retriever.queries).toEqual([]);
    expect(events.some((event) => event.type === 'retrieval')).toBe(false);
  });

  it('asks for the language when it cannot tell it', async () => {
    const { findings } = await run(new ReviewAgent(new OfflineEngine(), undefined), '```\n@@@ ??? @@@\n```');
    expect(findings).toMatchObject({
      language: 'unknown',
      findings: [],
      summary: expect.stringContaining('name it on the fence'),
    });
  });

  it('reports a store that cannot be searched and goes on', async () => {
    const broken = { search: async () => Promise.reject(new Error('connection refused')) };
    const { events, text } = await run(new ReviewAgent(new OfflineEngine(), broken), sqlSnippet);
    expect(events.find((event) => event.type === 'retrieval')).toEqual({
      type: 'retrieval',
      citations: [],
      notice: 'The pattern store could not be searched: connection refused',
    });
    expect(text).toContain('SQL injection');
  });
});
