import { describe, expect, it } from 'vitest';
import { findError } from '../../../knowledge/errors/find-error.ts';
import { InMemoryGraphStore } from '../../../knowledge/graph/in-memory-graph-store.ts';
import type { Pattern } from '../../../knowledge/patterns/pattern.ts';
import { graphChange } from '../../../knowledge/patterns/pattern-indexer.ts';
import type { RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import { agentContext, runAgent } from '../../../tests/support/agent-harness.ts';
import { patternFixture } from '../../../tests/support/pattern-fixture.ts';
import { ScriptedProvider } from '../../../tests/support/scripted-provider.ts';
import { OfflineEngine } from '../../llm/offline-engine.ts';
import { DebugAgent, searchQuery, type DebugKnowledge } from './debug-agent.ts';

const pattern = (id: string, overrides: Partial<Pattern> = {}): Pattern =>
  patternFixture(id, {
    tags: ['errors'],
    code: `export const ${id.replaceAll('-', '_')} = 1;`,
    libraries: [{ name: 'node', version: '>=20' }],
    source: { kind: 'seed', path: `knowledge/corpus/typescript/${id}/pattern.ts`, line: 1 },
    ...overrides,
  });

const guard = pattern('ts-guard', { title: 'Guard against undefined data before mapping' });
const related = pattern('ts-safe-json');
const all = new Map([guard, related].map((item) => [item.id, item]));

async function knowledge(
  options: { searchFails?: boolean; graphFails?: boolean } = {},
): Promise<DebugKnowledge & { queries: string[] }> {
  const graph = new InMemoryGraphStore();
  await graph.write(
    graphChange([{ pattern: guard, fixes: ["TypeError: Cannot read properties of undefined (reading 'map')"] }]),
  );
  const queries: string[] = [];
  const hit = (item: Pattern, score: number): RetrievedPattern => ({
    pattern: item,
    score,
    sources: { vector: 0.5, text: 0.1 },
    relevance: 0.8,
  });
  return {
    queries,
    graph: options.graphFails ? { neighbours: async () => Promise.reject(new Error('graph down')) } : graph,
    patterns: { findByIds: async (ids) => ids.flatMap((id) => all.get(id) ?? []) },
    retriever: {
      search: async (query) => {
        queries.push(query);
        if (options.searchFails) throw new Error('pattern search is unavailable');
        return { results: [hit(related, 3.2), hit(guard, 2.5)], notices: [] };
      },
    },
  };
}

const trace = `My list page crashes:
\`\`\`
TypeError: Cannot read properties of undefined (reading 'map')
    at renderList (/app/src/list.ts:12:20)
    at App (/app/src/app.tsx:40:7)
    at renderWithHooks (/app/node_modules/react-dom/cjs/react-dom.development.js:16305:18)
\`\`\``;

describe('DebugAgent with the offline engine', () => {
  it('cites the fixing pattern first, then answers with the signature, cause, fix and the pattern code', async () => {
    const { events, text, result } = await runAgent(
      new DebugAgent(new OfflineEngine(), await knowledge()),
      agentContext(trace),
    );
    const retrieval = events.find((event) => event.type === 'retrieval')!;
    expect(
      retrieval.type === 'retrieval' &&
        retrieval.citations.map((citation) => [citation.patternId, citation.sources.graph]),
    ).toEqual([
      ['ts-guard', 1],
      ['ts-safe-json', undefined],
    ]);
    expect(text).toContain('Kiln offline engine');
    expect(text).toContain('- **Type:** `TypeError`, JavaScript');
    expect(text).toContain("- **Signature:** `TypeError: Cannot read properties of undefined (reading '<name>')`");
    expect(text).toContain('- **Thrown at:** `renderList (list.ts:12)`, called from `App (app.tsx:40)`');
    expect(text).toContain('(it asked for `.map`)');
    expect(text).toMatch(/## Fix\n\n1\. /);
    expect(text).toContain('## A pattern that fixes it: Guard against undefined data before mapping');
    expect(text).toContain('export const ts_guard = 1;');
    expect(text).toContain('Source: seed · knowledge/corpus/typescript/ts-guard/pattern.ts:1');
    expect(result.finishReason).toBe('stop');
  });

  it('asks for the error and its trace when the message has none', async () => {
    const { text } = await runAgent(
      new DebugAgent(new OfflineEngine(), await knowledge()),
      agentContext('my app is broken, can you help?'),
    );
    expect(text).toContain('I could not find an error message or a stack trace');
    expect(text).toContain('the stack trace or traceback below it');
  });

  it('diagnoses an error pasted earlier when the new message only asks why', async () => {
    const history = [
      { role: 'user' as const, content: trace },
      { role: 'assistant' as const, content: 'Earlier answer.' },
    ];
    const { text } = await runAgent(
      new DebugAgent(new OfflineEngine(), await knowledge()),
      agentContext('why does this happen?', { history }),
    );
    expect(text).toContain('`renderList (list.ts:12)`');
  });

  it('answers without the stores, naming what could not be searched', async () => {
    const { events, text } = await runAgent(
      new DebugAgent(new OfflineEngine(), await knowledge({ graphFails: true, searchFails: true })),
      agentContext(trace),
    );
    expect(events[0]).toEqual({
      type: 'retrieval',
      citations: [],
      notice:
        'The knowledge graph could not be searched for known fixes (graph down). The pattern store could not be searched: pattern search is unavailable',
    });
    expect(text).toContain('No stored pattern is filed as a fix for this error');
    expect(text).toContain('## Likely cause');
  });

  it('searches with the error type, the template words and the user words, not the trace', async () => {
    const stores = await knowledge();
    await runAgent(new DebugAgent(new OfflineEngine(), stores), agentContext(trace));
    expect(stores.queries).toEqual(['TypeError Cannot read properties of undefined (reading ) My list page crashes:']);
  });
});

describe('DebugAgent with a model', () => {
  it("grounds the model in the fixes first and the parsed error, and streams the model's answer", async () => {
    const provider = new ScriptedProvider({ tokens: ['Use ', 'a guard.'] });
    const { text } = await runAgent(new DebugAgent(provider, await knowledge()), agentContext(trace));
    expect(text).toBe('Use a guard.');
    const request = provider.requests[0]!;
    expect(request.grounding!.map((item) => item.id)).toEqual(['ts-guard', 'ts-safe-json']);
    expect(request.system).toContain('- thrown at: renderList (list.ts:12) <- App (app.tsx:40)');
    expect(request.system).toContain("- signature: Cannot read properties of undefined (reading '<name>')");
    expect(request.system).toContain('The first pattern below is recorded');
    expect(request.messages.at(-1)!.content).toBe(trace);
  });
});

describe('searchQuery', () => {
  it('uses the words of a message without an error', () => {
    expect(searchQuery(undefined, 'my retries never stop')).toBe('my retries never stop');
  });

  it('keeps the last name of a dotted Python type', () => {
    const signature = findError('json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)')!;
    expect(searchQuery(signature, 'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)')).toBe(
      'JSONDecodeError Expecting value: line column (char )',
    );
  });
});
