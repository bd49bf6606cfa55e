import { describe, expect, it } from 'vitest';
import { InMemoryGraphStore } from '../graph/in-memory-graph-store.ts';
import type { Pattern, PatternInput } from '../patterns/pattern.ts';
import { graphChange } from '../patterns/pattern-indexer.ts';
import { patternFixture } from '../../tests/support/pattern-fixture.ts';
import { findError } from './find-error.ts';
import { findFixingPatterns } from './fixing-patterns.ts';

const input = (id: string): PatternInput => ({
  id,
  title: id,
  summary: '',
  language: 'sql',
  tags: ['sql'],
  questions: [],
  code: '',
  tests: null,
  libraries: [],
  source: { kind: 'seed' },
});
const stored = (id: string): Pattern => patternFixture(id, input(id));

async function storesWith(items: { id: string; fixes: string[] }[]) {
  const graph = new InMemoryGraphStore();
  await graph.write(graphChange(items.map((item) => ({ pattern: input(item.id), fixes: item.fixes }))));
  const patterns = { findByIds: async (ids: string[]) => ids.map(stored) };
  return { graph, patterns };
}

describe('findFixingPatterns', () => {
  it('finds patterns filed under the exact signature before those filed under a shorter form', async () => {
    const stores = await storesWith([
      { id: 'sql-dedupe', fixes: ['duplicate key value violates unique constraint'] },
      { id: 'sql-exact', fixes: ['ERROR: duplicate key value violates unique constraint "orders_pkey"'] },
      { id: 'sql-other', fixes: ['deadlock detected'] },
    ]);
    const signature = findError('ERROR:  duplicate key value violates unique constraint "users_email_key"')!;
    const found = await findFixingPatterns(signature, stores);
    expect(found.map(({ pattern, match }) => [pattern.id, match])).toEqual([
      ['sql-exact', 'exact'],
      ['sql-dedupe', 'partial'],
    ]);
  });

  it('returns nothing, without asking for patterns, when no fix is filed', async () => {
    const stores = await storesWith([{ id: 'sql-other', fixes: ['deadlock detected'] }]);
    let asked = false;
    const found = await findFixingPatterns(findError('RangeError: Invalid time value')!, {
      graph: stores.graph,
      patterns: { findByIds: async () => ((asked = true), []) },
    });
    expect(found).toEqual([]);
    expect(asked).toBe(false);
  });

  it('keeps to the limit and skips patterns the store no longer has, the next taking their place', async () => {
    const stores = await storesWith(
      ['a', 'b', 'c', 'd'].map((id) => ({ id: `sql-${id}`, fixes: ['deadlock detected'] })),
    );
    const signature = findError('ERROR:  deadlock detected')!;
    expect(await findFixingPatterns(signature, stores, 2)).toHaveLength(2);
    const gone = await findFixingPatterns(signature, {
      graph: stores.graph,
      patterns: { findByIds: async (ids) => ids.filter((id) => id !== 'sql-a').map(stored) },
    });
    expect(gone.map(({ pattern }) => pattern.id)).toEqual(['sql-b', 'sql-c', 'sql-d']);
  });

  it('leaves retired patterns out, and puts a proven fix before others filed under the same signature', async () => {
    const stores = await storesWith(['a', 'b', 'c'].map((id) => ({ id: `sql-${id}`, fixes: ['deadlock detected'] })));
    const signature = findError('ERROR:  deadlock detected')!;
    const found = await findFixingPatterns(signature, {
      graph: stores.graph,
      patterns: {
        findByIds: async (ids) =>
          ids.map((id) =>
            id === 'sql-a'
              ? patternFixture(id, { ...input(id), status: 'retired' })
              : id === 'sql-c'
                ? patternFixture(id, { ...input(id), stats: { ...stored(id).stats, uses: 2, successes: 2 } })
                : stored(id),
          ),
      },
    });
    expect(found.map(({ pattern }) => pattern.id)).toEqual(['sql-c', 'sql-b']);
  });
});
