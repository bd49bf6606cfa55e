import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../knowledge/corpus/load-corpus.ts';
import { KilnPatternRetriever } from '../../knowledge/retrieval/kiln-langchain-retriever.ts';
import { relevanceModel } from '../../knowledge/retrieval/relevance-model.ts';
import { isProcessAlive } from '../../platform/infrastructure/process-identity.ts';
import { startTestServer, textOf, turnEnded } from '../support/test-server.ts';

let kiln: Awaited<ReturnType<typeof startTestServer>>;
let token: string;

beforeAll(async () => {
  kiln = await startTestServer();
  ({ token } = await kiln.register());
});
afterAll(async () => {
  await kiln?.stop();
});

const search = (query: string) => kiln.api('GET', `/patterns/search?q=${encodeURIComponent(query)}&k=5`, { token });

describe('the pattern store', () => {
  it('holds the whole seed corpus, and loading it again changes nothing', async () => {
    const { patterns } = await readCorpus();
    const listed = await kiln.api('GET', '/patterns?limit=1', { token });
    expect(listed.json.total).toBe(patterns.length);
    const again = await kiln.knowledge().loadSeeds();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: patterns.length, removed: 0, relinked: 0 });
  });

  it('restores graph links a seed pattern has but the graph lost, without touching its content', async () => {
    const { patterns } = await readCorpus();
    const fixer = patterns.find((seed) => seed.manifest.fixes.length > 0)!;
    const database = kiln.server.infrastructure.dataSource;
    const fixes = () =>
      database.query(`SELECT target_id FROM graph_edges WHERE source_id = $1 AND kind = 'FIXES' ORDER BY target_id`, [
        `pattern:${fixer.manifest.id}`,
      ]);
    const before = await fixes();
    expect(before.length).toBeGreaterThan(0);
    // As after an upgrade that only added fixes, or a first start while the graph was down.
    await database.query(`DELETE FROM graph_edges WHERE source_id = $1 AND kind = 'FIXES'`, [
      `pattern:${fixer.manifest.id}`,
    ]);

    const report = await kiln.knowledge().loadSeeds();
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: patterns.length, relinked: 1 });
    expect(await fixes()).toEqual(before);
  });

  it("finds patterns by meaning and by words, with each source's score and the provenance", async () => {
    const found = await search('How do I debounce a function in TypeScript?');
    expect(found.status).toBe(200);
    expect(found.json.notices).toEqual([]);
    const ids = found.json.results.map((result: { id: string }) => result.id);
    expect(ids).toContain('ts-debounce');
    const debounce = found.json.results.find((result: { id: string }) => result.id === 'ts-debounce');
    expect(debounce).toMatchObject({
      title: 'Debounce a function',
      language: 'typescript',
      sources: { vector: expect.any(Number), text: expect.any(Number) },
      source: { kind: 'seed', path: 'knowledge/corpus/typescript/debounce/pattern.ts', line: 1 },
      stats: { uses: 0, successes: 0, failures: 0, feedbackUp: 0, feedbackDown: 0 },
      status: 'active',
    });
    expect((await kiln.api('GET', '/patterns/search?q=', { token })).status).toBe(400);
    expect((await kiln.api('GET', '/patterns/search?q=debounce')).status).toBe(401);
  });

  it('keeps only the language asked for, in vector and text results alike', async () => {
    const found = await kiln.api(
      'GET',
      `/patterns/search?q=${encodeURIComponent('retry a failing call with exponential backoff')}&k=5&language=python`,
      { token },
    );
    expect(found.status).toBe(200);
    expect(found.json.results.length).toBeGreaterThan(0);
    expect(found.json.results.every((result: { language: string }) => result.language === 'python')).toBe(true);
    expect(
      found.json.results.some((result: { sources: { vector?: number } }) => result.sources.vector !== undefined),
    ).toBe(true);
  });

  it('serves LangChain pipelines through the same hybrid search', async () => {
    const documents = await new KilnPatternRetriever(kiln.knowledge().retriever, { k: 3 }).invoke(
      'debounce a function in TypeScript',
    );
    expect(documents[0]!.metadata).toMatchObject({
      id: 'ts-debounce',
      language: 'typescript',
      source: { kind: 'seed' },
    });
    expect(documents[0]!.pageContent).toContain('export function debounce');
  });

  it('opens a pattern with its code, tests and graph neighbours', async () => {
    const pattern = await kiln.api('GET', '/patterns/ts-debounce', { token });
    expect(pattern.status).toBe(200);
    expect(pattern.json.code).toContain('export function debounce');
    expect(pattern.json.tests).toContain("from './pattern.ts'");
    const edges = pattern.json.neighbours.map(
      (neighbour: { edge: string; node: { id: string } }) => `${neighbour.edge} ${neighbour.node.id}`,
    );
    expect(edges).toContain('USES library:node');
    expect(edges).toContain('RELATED_TO concept:timing');
    expect((await kiln.api('GET', '/patterns/no-such-pattern', { token })).status).toBe(404);
  });

  /** Sends one message in a new conversation over the socket; answers its turn's `retrieval` event and its text. */
  async function chat(content: string, intent?: string) {
    const conversation = await kiln.newConversation(token);
    const tab = await kiln.socket(token);
    const ack = await tab.request('message:send', {
      conversationId: conversation.id,
      content,
      ...(intent ? { intent } : {}),
    });
    await tab.until(turnEnded(ack.turnId));
    return { retrieval: tab.events.find((event) => event.type === 'retrieval'), answer: textOf(tab.events) };
  }

  it('cites the patterns a chat answer draws on, and the offline engine composes from them', async () => {
    const { retrieval, answer } = await chat('How do I debounce a function in TypeScript?');
    expect(retrieval).toMatchObject({
      type: 'retrieval',
      citations: expect.arrayContaining([expect.objectContaining({ patternId: 'ts-debounce' })]),
    });
    expect(answer).toContain('Kiln offline engine');
    expect(answer).toContain('export function debounce');
    expect(answer).toContain('Source: seed · knowledge/corpus/typescript/debounce/pattern.ts:1');
    const [first] = (retrieval as { citations: { relevance: number }[] }).citations;
    expect(first!.relevance).toBeGreaterThanOrEqual(relevanceModel.threshold);
  });

  it('answers every search result with a relevance, high for the pattern that answers and low for a miss, in the same order', async () => {
    const found = await search('debounce a function so it runs once the user stops typing, in TypeScript');
    const results = found.json.results as { id: string; score: number; relevance: number }[];
    expect(results[0]!.id).toBe('ts-debounce');
    expect(results[0]!.relevance).toBeGreaterThanOrEqual(relevanceModel.threshold);
    for (const result of results) expect(result.relevance).toBeGreaterThanOrEqual(0);
    const scores = results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const miss = await search('What is the borrow checker in Rust?');
    const missed = miss.json.results as { relevance: number }[];
    expect(missed.length).toBeGreaterThan(0);
    for (const result of missed) expect(result.relevance).toBeLessThan(relevanceModel.threshold);
  });

  it('cites nothing for a question the store has nothing on, and the offline answer says so with what it covers', async () => {
    const { retrieval, answer } = await chat('How do I write a Dockerfile for a Go web service?', 'ask');
    expect(retrieval).toMatchObject({ citations: [], notice: expect.stringContaining('relevant enough to cite') });
    expect(answer).toContain("Kiln's pattern store has nothing on this");
    expect(answer).toMatch(/It holds \d+ patterns in typescript \(\d+\)/);
    expect(answer).toContain('ANTHROPIC_API_KEY');
    expect(answer).not.toContain('```');
  });
});

describe('full-text search', () => {
  it('keeps its postings in step with every write, and filters by language', async () => {
    const { patterns } = kiln.knowledge();
    const base = {
      id: 'user-zephyrine',
      title: 'Zephyrine frobnication',
      summary: 'Frobnicates a zephyrine queue.',
      language: 'python',
      tags: ['queues'],
      questions: [],
      code: 'def frobnicate_zephyrine(queue):\n    return queue\n',
      tests: null,
      libraries: [],
      source: { kind: 'user' as const },
    };
    const find = async (terms: string[], language?: string) =>
      (await patterns.searchText({ terms, widened: ['queue'] }, { k: 5, language })).hits.map((hit) => hit.id);

    expect(await patterns.upsert(base)).toBe('created');
    expect(await find(['zephyrine'])).toEqual(['user-zephyrine']);
    // Identifiers are searched as they are, split at snake_case.
    expect(await find(['frobnicate'])).toContain('user-zephyrine');
    expect(await find(['zephyrine'], 'typescript')).toEqual([]);

    expect(
      await patterns.upsert({
        ...base,
        title: 'Quuxified frobnication',
        summary: 'Frobnicates a quux.',
        code: 'def frob(q):\n    return q\n',
      }),
    ).toBe('updated');
    expect(await find(['zephyrine'])).toEqual([]);
    expect(await find(['quuxified'])).toEqual(['user-zephyrine']);

    await patterns.delete(['user-zephyrine']);
    expect(await find(['quuxified'])).toEqual([]);
  });
});

describe('learning from outcomes', () => {
  it('moves the stats the search shows, ranks proven patterns higher, and links a fix to its error', async () => {
    const { learning } = kiln.knowledge();
    const before = (await search('throttle a function')).json.results;
    const target = before.find((result: { id: string }) => result.id === 'ts-throttle');
    expect(target.stats).toMatchObject({ uses: 0, successes: 0, failures: 0 });

    expect(await learning.recordOutcome(['ts-throttle', 'no-such-pattern'], { verdict: 'failure' })).toEqual([
      'ts-throttle',
    ]);
    const signature = {
      id: 'typeerror-throttle-test',
      message: "TypeError: Cannot read properties of undefined (reading '<name>')",
    };
    for (let run = 0; run < 3; run += 1)
      await learning.recordOutcome(['ts-throttle'], { verdict: 'success', fixed: signature });

    const after = (await search('throttle a function')).json.results.find(
      (result: { id: string }) => result.id === 'ts-throttle',
    );
    expect(after.stats).toMatchObject({ uses: 4, successes: 3, failures: 1 });
    expect(after.stats.lastVerifiedAt).not.toBeNull();
    // The success prior: 4 successes of 6 (with one of each assumed) lifts the score by a sixth of ±25 %.
    expect(after.score).toBeGreaterThan(target.score);

    const pattern = await kiln.api('GET', '/patterns/ts-throttle', { token });
    const fixes = pattern.json.neighbours.filter((neighbour: { edge: string }) => neighbour.edge === 'FIXES');
    expect(
      fixes.map((neighbour: { node: { id: string; properties: { message: string } } }) => neighbour.node),
    ).toContainEqual(
      expect.objectContaining({ id: 'error:typeerror-throttle-test', properties: { message: signature.message } }),
    );
  });
});

describe('with Chroma down', () => {
  it('still answers searches from full text and the graph, says so, and /ready reports chroma not ok', async () => {
    const chromaPid = kiln.server.infrastructure.summary.chroma.pid!;
    process.kill(chromaPid, 'SIGKILL');
    await expect.poll(() => isProcessAlive({ pid: chromaPid, startTime: undefined })).toBe(false);

    const found = await search('debounce a function');
    expect(found.status).toBe(200);
    expect(found.json.results.map((result: { id: string }) => result.id)).toContain('ts-debounce');
    expect(
      found.json.results.every((result: { sources: { vector?: number } }) => result.sources.vector === undefined),
    ).toBe(true);
    expect(found.json.notices.join(' ')).toMatch(/^Vector search is unavailable/);

    const ready = await fetch(`${kiln.url}/ready`);
    expect(ready.status).toBe(503);
    const report = (await ready.json()) as { checks: Record<string, { ok: boolean; detail: string }> };
    expect(report.checks.chroma?.ok).toBe(false);
    expect(report.checks.postgres?.ok).toBe(true);
    expect(report.checks.graph?.ok).toBe(true);
  });
});
