import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../knowledge/corpus/load-corpus.ts';
import { signatureOfMessage } from '../../knowledge/errors/find-error.ts';
import { findFixingPatterns } from '../../knowledge/errors/fixing-patterns.ts';
import type { LearnedPatternInput } from '../../knowledge/learning/pattern-learning.ts';
import type { RunView } from '../../protocol/runs.ts';
import { startTestServer } from '../support/test-server.ts';

// The learning loop on the real stores (embedded Postgres, Chroma, graph tables), the real job queue with
// in-process workers and the real sandbox: what users see change after runs, thumbs, fixes and approvals.
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let admin: string;
let member: string;

beforeAll(async () => {
  kiln = await startTestServer({ environment: { KILN_WORKERS: 'in-process' } });
  // The first account of an installation is its admin.
  ({ token: admin } = await kiln.register());
  ({ token: member } = await kiln.register());
});
afterAll(async () => {
  await kiln?.stop();
});

const searchIds = async (question: string, k = 5) => {
  const found = await kiln.api('GET', `/patterns/search?q=${encodeURIComponent(question)}&k=${k}`, { token: member });
  expect(found.status).toBe(200);
  return found.json.results.map((result: { id: string }) => result.id) as string[];
};
const pattern = async (id: string) => {
  const response = await kiln.api('GET', `/patterns/${id}`, { token: member });
  expect(response.status).toBe(200);
  return response.json;
};
const seedQuestion = async (id: string) =>
  (await readCorpus()).patterns.find((seed) => seed.manifest.id === id)!.manifest.questions[0]!;

async function run(body: object): Promise<RunView> {
  const created = await kiln.api('POST', '/runs', { token: member, body });
  expect(created.status, created.text).toBe(202);
  let view: RunView;
  await expect
    .poll(
      async () => {
        view = (await kiln.api('GET', `/runs/${created.json.runId}`, { token: member })).json;
        return view.status;
      },
      { timeout: 30_000 },
    )
    .not.toMatch(/^(queued|running)$/);
  return view!;
}

describe('runs built on patterns', () => {
  it('credit a pattern for a passing run and blame it, with the error, for a failing one', async () => {
    const passed = await run({ language: 'python', code: 'print("ok")', patternIds: ['py-deep-merge-dicts'] });
    expect(passed.status).toBe('passed');
    await expect.poll(async () => (await pattern('py-deep-merge-dicts')).stats.successes).toBe(1);

    const failed = await run({
      language: 'python',
      code: 'def merge(a, b):\n    raise ValueError("bad value 42")\n\nmerge({}, {})\n',
      patternIds: ['py-deep-merge-dicts'],
    });
    expect(failed.status).toBe('failed');
    await expect.poll(async () => (await pattern('py-deep-merge-dicts')).stats.failures).toBe(1);

    const shown = await pattern('py-deep-merge-dicts');
    expect(shown.stats).toMatchObject({ uses: 2, successes: 1, failures: 1, lastVerifiedAt: expect.any(String) });
    expect(shown.status).toBe('active');
    expect(shown.history.recent).toEqual([
      {
        kind: 'run',
        verdict: 'failure',
        runId: failed.id,
        error: { id: expect.any(String), message: expect.stringMatching(/^ValueError: bad value/) },
        at: expect.any(String),
      },
      { kind: 'run', verdict: 'success', runId: passed.id, error: null, at: expect.any(String) },
    ]);
  });

  it('that could not execute say nothing about their patterns', async () => {
    const before = (await pattern('py-batch-iterable')).stats;
    const broken = await run({ language: 'typescript', code: 'const = ;', patternIds: ['py-batch-iterable'] });
    expect(broken.status).toBe('error');
    // A later run of the same pattern is credited, so the broken one had its chance to be recorded first.
    await run({ language: 'python', code: 'print(1)', patternIds: ['py-batch-iterable'] });
    await expect.poll(async () => (await pattern('py-batch-iterable')).stats.uses).toBe(before.uses + 1);
    expect((await pattern('py-batch-iterable')).history.recent).toHaveLength(1);
  });

  it('sink a pattern that failed 3 of 3 out of the top 3 for its own question, and flag it until it recovers', async () => {
    const id = 'py-flatten-nested-dict';
    const question = await seedQuestion(id);
    expect((await searchIds(question, 3)).slice(0, 3)).toContain(id);

    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await run({ language: 'python', code: 'raise KeyError("user")', patternIds: [id] });
      expect(failed.status).toBe('failed');
    }
    await expect.poll(async () => (await pattern(id)).stats.failures).toBe(3);

    expect(await searchIds(question, 3)).not.toContain(id);
    const flagged = await pattern(id);
    expect(flagged.status).toBe('flagged');
    const overview = (await kiln.api('GET', '/knowledge', { token: member })).json;
    expect(overview.flagged.map((summary: { id: string }) => summary.id)).toContain(id);
    expect(overview.mostFailing[0]).toMatchObject({ id, successRate: 0, status: 'flagged' });

    // Its record recovers: three passes against three failures is no longer failing twice as often.
    for (let attempt = 0; attempt < 3; attempt += 1)
      await kiln.knowledge().learning.recordOutcome([id], { verdict: 'success' });
    expect((await pattern(id)).status).toBe('active');
    expect((await searchIds(question, 3)).slice(0, 3)).toContain(id);
  });
});

describe('thumbs on an answer', () => {
  it('count for the patterns it cited, and a changed or cleared rating takes the previous one back', async () => {
    const conversation = await kiln.newConversation(member);
    const sent = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token: member,
      body: { content: 'How do I debounce a function in TypeScript?' },
    });
    expect(sent.status).toBe(202);
    const page = async () =>
      (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token: member })).json;
    await expect.poll(async () => (await page()).messages.at(-1)?.status, { timeout: 15_000 }).toBe('complete');
    const cited: string[] = (await page()).messages
      .at(-1)
      .turn.details.citations.map((citation: { patternId: string }) => citation.patternId);
    expect(cited).toContain('ts-debounce');

    const feedback = `/conversations/${conversation.id}/messages/${sent.json.assistantMessageId}/feedback`;
    const thumbs = async () => {
      const { stats, history } = await pattern('ts-debounce');
      return {
        up: stats.feedbackUp,
        down: stats.feedbackDown,
        history: history.recent.map((outcome: { verdict: string }) => outcome.verdict),
      };
    };

    expect((await kiln.api('PUT', feedback, { token: member, body: { rating: 'up' } })).status).toBe(200);
    expect(await thumbs()).toEqual({ up: 1, down: 0, history: ['up'] });
    // The same rating again changes nothing.
    expect((await kiln.api('PUT', feedback, { token: member, body: { rating: 'up' } })).status).toBe(200);
    expect(await thumbs()).toEqual({ up: 1, down: 0, history: ['up'] });

    expect((await kiln.api('PUT', feedback, { token: member, body: { rating: 'down' } })).status).toBe(200);
    expect(await thumbs()).toEqual({ up: 0, down: 1, history: ['down'] });
    for (const id of cited) expect((await pattern(id)).stats.feedbackDown).toBe(1);

    expect((await kiln.api('DELETE', feedback, { token: member })).status).toBe(204);
    expect(await thumbs()).toEqual({ up: 0, down: 0, history: [] });
    expect((await kiln.api('DELETE', feedback, { token: member })).status).toBe(204);
    expect(await thumbs()).toEqual({ up: 0, down: 0, history: [] });
  });
});

describe('a repair that made failing code pass', () => {
  it('files the patterns it cited as fixes for the error, first among the fixes found, without touching stats', async () => {
    const { graph, patterns, learning } = kiln.knowledge();
    const message = "TypeError: unhashable type: 'list'";
    const signature = signatureOfMessage(message);
    const fixers = async () =>
      (await findFixingPatterns(signature, { graph, patterns })).map((found) => found.pattern.id);
    expect(await fixers()).toEqual(['py-lru-cache-decorator']);

    // The repaired code's run passed (crediting the pattern), then the session files the fix.
    await learning.recordOutcome(['py-group-by-key'], { verdict: 'success' });
    const stats = (await pattern('py-group-by-key')).stats;
    expect(await learning.recordFix(['py-group-by-key', 'no-such-pattern'], { id: signature.id, message })).toEqual([
      'py-group-by-key',
    ]);

    expect(await fixers()).toEqual(['py-group-by-key', 'py-lru-cache-decorator']);
    const shown = await pattern('py-group-by-key');
    expect(shown.stats).toEqual(stats);
    expect(shown.history.fixes).toEqual([{ id: signature.id, message }]);
    expect(shown.history.recent[0]).toMatchObject({ kind: 'fix', verdict: 'success', error: { id: signature.id } });
  });
});

describe('learned patterns', () => {
  const learnedFrom = {
    conversationId: '00000000-0000-4000-8000-00000000000a',
    messageId: '00000000-0000-4000-8000-00000000000b',
    turnId: '00000000-0000-4000-8000-00000000000c',
    runIds: ['00000000-0000-4000-8000-00000000000d'],
    approvedBy: 'user1@example.com',
    approvedAt: '2026-11-22T10:00:00.000Z',
  };
  const input: LearnedPatternInput = {
    title: 'Interleave two arrays',
    summary: 'Alternates the items of two arrays (zipper style), the rest of the longer one at the end.',
    language: 'typescript',
    code: [
      'export function interleave<T>(first: T[], second: T[]): T[] {',
      '  const result: T[] = [];',
      '  for (let index = 0; index < Math.max(first.length, second.length); index += 1) {',
      '    if (index < first.length) result.push(first[index]!);',
      '    if (index < second.length) result.push(second[index]!);',
      '  }',
      '  return result;',
      '}',
      '',
    ].join('\n'),
    tests:
      "import { expect, it } from 'vitest';\nimport { interleave } from './code';\nit('alternates', () => expect(interleave([1, 3], [2])).toEqual([1, 2, 3]));\n",
    questions: ['How do I interleave two arrays, alternating their items?'],
    tags: ['arrays'],
    basedOn: ['ts-zip-arrays', 'no-such-pattern'],
    fixes: { id: 'learned-test-error', message: "TypeError: Cannot read properties of undefined (reading '<name>')" },
    learnedFrom,
  };

  it('are searchable at once, with their provenance, one success and their links', async () => {
    const { learning } = kiln.knowledge();
    const before = await searchIds('interleave two arrays alternating their items');
    expect(before.some((id) => id.startsWith('learned-'))).toBe(false);

    const learned = await learning.learn(input);
    expect(learned).toEqual({ patternId: expect.stringMatching(/^learned-/), duplicate: false });

    const found = await kiln.api(
      'GET',
      `/patterns/search?q=${encodeURIComponent('interleave two arrays alternating their items')}&k=5`,
      {
        token: member,
      },
    );
    const result = found.json.results.find((item: { id: string }) => item.id === learned.patternId);
    expect(result).toMatchObject({
      source: { kind: 'learned', learnedFrom },
      status: 'active',
      stats: { uses: 1, successes: 1, failures: 0 },
      sources: { vector: expect.any(Number), text: expect.any(Number) },
    });

    const shown = await pattern(learned.patternId);
    expect(shown.history.recent).toEqual([
      expect.objectContaining({ kind: 'fix', verdict: 'success' }),
      expect.objectContaining({ kind: 'run', verdict: 'success', runId: learnedFrom.runIds[0] }),
    ]);
    expect(shown.history.fixes).toEqual([{ id: 'learned-test-error', message: input.fixes!.message }]);
    const derived = shown.neighbours.filter((neighbour: { edge: string }) => neighbour.edge === 'DERIVED_FROM');
    expect(derived.map((neighbour: { node: { id: string } }) => neighbour.node.id)).toEqual(['pattern:ts-zip-arrays']);
    expect((await pattern('ts-zip-arrays')).history.learnedFrom).toEqual([
      { id: learned.patternId, title: 'Interleave two arrays' },
    ]);
    const overview = (await kiln.api('GET', '/knowledge', { token: member })).json;
    expect(overview.learned[0]).toMatchObject({ id: learned.patternId, sourceKind: 'learned', successRate: 1 });
  });

  it('are not stored twice: the same code reformatted, or code a seed pattern already has, is a duplicate', async () => {
    const { learning } = kiln.knowledge();
    const first = await learning.learn({ ...input, title: 'Interleave (again)' });
    expect(first.duplicate).toBe(true);
    const reformatted = await learning.learn({
      ...input,
      title: 'Zipper-merge two arrays',
      code: `// Zipper merge.\n${input.code.replaceAll('  ', '    ').replace('{', '{ /* start */')}`,
    });
    expect(reformatted).toEqual({ patternId: first.patternId, duplicate: true });

    const seed = (await readCorpus()).patterns.find((candidate) => candidate.manifest.id === 'ts-debounce')!;
    expect(await learning.learn({ ...input, title: 'My debounce', code: seed.code })).toEqual({
      patternId: 'ts-debounce',
      duplicate: true,
    });
    const count = await kiln.server.infrastructure.dataSource.query(
      `SELECT count(*) AS count FROM patterns WHERE source->>'kind' = 'learned'`,
    );
    expect(Number(count[0].count)).toBe(1);
  });

  it("learned in a project's conversation, stay the project's: out of global search and of the graph", async () => {
    const { learning } = kiln.knowledge();
    const project = (await kiln.api('POST', '/projects', { token: member, body: { name: 'Ledger' } })).json;
    const secret = {
      ...input,
      title: 'Reconcile quuxledger entries',
      summary: 'Matches quuxledger entries against bank lines by amount and date.',
      code: 'export function reconcileQuuxledger(entries: number[], lines: number[]) {\n  return entries.filter((entry) => lines.includes(entry));\n}\n',
      questions: ['How do I reconcile quuxledger entries?'],
      projectId: project.id,
    };
    const learned = await learning.learn(secret);
    expect(learned).toEqual({ patternId: expect.stringMatching(/^learned-/), duplicate: false });
    const global = await searchIds('reconcile quuxledger entries');
    expect(global).not.toContain(learned.patternId);
    const inProject = await kiln.api(
      'GET',
      `/patterns/search?q=${encodeURIComponent('reconcile quuxledger entries')}&k=5&projectId=${project.id}`,
      { token: member },
    );
    expect(inProject.json.results[0]).toMatchObject({ id: learned.patternId, projectId: project.id });
    // No FIXES edge: the debug agent of someone outside the project must not be led to it.
    const edges = await kiln.server.infrastructure.dataSource.query(
      `SELECT count(*)::int AS count FROM graph_edges WHERE source_id = $1`,
      [`pattern:${learned.patternId}`],
    );
    expect(edges[0].count).toBe(0);
    // The same code learned again in the project is a duplicate of the project's own.
    expect(await learning.learn({ ...secret, title: 'Again' })).toEqual({
      patternId: learned.patternId,
      duplicate: true,
    });
  });
});

describe('retiring a pattern', () => {
  it('takes it out of search for everyone until an admin restores it', async () => {
    const question = 'throttle a function';
    expect(await searchIds(question)).toContain('ts-throttle');

    const refused = await kiln.api('POST', '/patterns/ts-throttle/retire', { token: member });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('admin') });
    expect(await searchIds(question)).toContain('ts-throttle');

    const retired = await kiln.api('POST', '/patterns/ts-throttle/retire', { token: admin });
    expect(retired.status).toBe(200);
    expect(retired.json).toMatchObject({ id: 'ts-throttle', status: 'retired' });
    expect(await searchIds(question)).not.toContain('ts-throttle');
    expect((await pattern('ts-throttle')).status).toBe('retired');
    const overview = (await kiln.api('GET', '/knowledge', { token: member })).json;
    expect(overview.retired.map((summary: { id: string }) => summary.id)).toEqual(['ts-throttle']);
    expect(overview.totals).toMatchObject({ retired: 1, learned: 1 });

    expect((await kiln.api('POST', '/patterns/ts-throttle/restore', { token: member })).status).toBe(403);
    const restored = await kiln.api('POST', '/patterns/ts-throttle/restore', { token: admin });
    expect(restored.json).toMatchObject({ id: 'ts-throttle', status: 'active' });
    expect(await searchIds(question)).toContain('ts-throttle');

    expect((await kiln.api('POST', '/patterns/no-such-pattern/retire', { token: admin })).status).toBe(404);
    expect((await kiln.api('POST', '/patterns/ts-throttle/retire')).status).toBe(401);
  });
});

describe('the knowledge overview', () => {
  it('answers any signed-in user with totals and 30 days of runs, today last', async () => {
    const overview = await kiln.api('GET', '/knowledge', { token: member });
    expect(overview.status).toBe(200);
    const { totals, daily } = overview.json;
    expect(totals.patterns).toBe((await readCorpus()).patterns.length + 1);
    expect(totals.runs).toBeGreaterThanOrEqual(6);
    expect(daily).toHaveLength(30);
    expect(daily.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10) });
    expect(daily.at(-1).failures).toBeGreaterThanOrEqual(4);
    expect((await kiln.api('GET', '/knowledge')).status).toBe(401);
  });
});
