import { describe, expect, it } from 'vitest';
import { InMemoryGraphStore } from '../graph/in-memory-graph-store.ts';
import type { PatternOutcomeRepository } from '../patterns/pattern-outcome-repository.ts';
import { OutcomeRecorder } from './outcome-recorder.ts';

/** Outcomes of the patterns `known`, kept as calls (the SQL itself is tested on Postgres). */
async function recorderOver(known: string[]) {
  const calls: { method: string; ids: string[]; detail: unknown }[] = [];
  const found = (ids: string[]) => ids.filter((id) => known.includes(id));
  const outcomes: Pick<PatternOutcomeRepository, 'recordRun' | 'recordFeedback' | 'recordFix'> = {
    recordRun: async (ids, detail) => (calls.push({ method: 'run', ids, detail }), found(ids)),
    recordFeedback: async (ids, detail) => (calls.push({ method: 'feedback', ids, detail }), found(ids)),
    recordFix: async (ids, detail) => (calls.push({ method: 'fix', ids, detail }), found(ids)),
  };
  const graph = new InMemoryGraphStore();
  // As the indexer left them: a node for each stored pattern.
  await graph.write({
    nodes: known.map((id) => ({ id: `pattern:${id}`, kind: 'Pattern', properties: {} })),
    edges: [],
    replaceEdgesOf: [],
  });
  const at = new Date('2026-11-22T10:00:00Z');
  return { recorder: new OutcomeRecorder({ outcomes, graph, now: () => at }), calls, graph, at };
}

const signature = { id: 'abc', message: "TypeError: Cannot read properties of undefined (reading '<name>')" };

describe('OutcomeRecorder', () => {
  it('files a fix as FIXES edges from the patterns found to the error, and changes no stats', async () => {
    const { recorder, calls, graph, at } = await recorderOver(['a', 'b']);
    expect(await recorder.recordFix(['a', 'b', 'a', 'gone'], signature)).toEqual(['a', 'b']);
    expect(calls).toEqual([{ method: 'fix', ids: ['a', 'b', 'gone'], detail: signature }]);
    const fixers = await graph.neighbours(['error:abc'], { edges: ['FIXES'] });
    expect(fixers.map((neighbour) => neighbour.node.id).sort()).toEqual(['pattern:a', 'pattern:b']);
    expect(calls.some((call) => call.method === 'run')).toBe(false);
    expect(at).toBeInstanceOf(Date);
  });

  it('files no edge for patterns it does not know', async () => {
    const { recorder, graph } = await recorderOver([]);
    expect(await recorder.recordFix(['gone'], signature)).toEqual([]);
    expect(await graph.neighbours(['error:abc'])).toEqual([]);
  });

  it('records a run with its id and the error it failed with; a success that fixed an error files the fix', async () => {
    const { recorder, calls, graph, at } = await recorderOver(['a']);
    await recorder.recordOutcome(['a'], { verdict: 'failure', runId: 'run-1', error: signature });
    expect(calls).toEqual([
      { method: 'run', ids: ['a'], detail: { verdict: 'failure', at, runId: 'run-1', error: signature } },
    ]);
    expect(await graph.neighbours(['error:abc'])).toEqual([]);
    await recorder.recordOutcome(['a'], { verdict: 'success', fixed: signature });
    expect((await graph.neighbours(['error:abc'])).map((neighbour) => neighbour.node.id)).toEqual(['pattern:a']);
    expect(calls.map((call) => call.method)).toEqual(['run', 'run', 'fix']);
  });

  it('turns a thumbs change into what to add and what to take back, and ignores a rating given again', async () => {
    const { recorder, calls } = await recorderOver(['a']);
    await recorder.recordFeedback(['a'], { rating: 'down', previous: 'up' });
    await recorder.recordFeedback(['a'], { rating: null, previous: 'down' });
    expect(await recorder.recordFeedback(['a'], { rating: 'up', previous: 'up' })).toEqual([]);
    expect(calls.map((call) => call.detail)).toEqual([
      { add: 'down', remove: 'up' },
      { add: null, remove: 'down' },
    ]);
  });
});
