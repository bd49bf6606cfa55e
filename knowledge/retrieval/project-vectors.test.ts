import { describe, expect, it } from 'vitest';
import { InMemoryVectorIndex } from '../vector/in-memory-vector-index.ts';
import { ProjectVectors } from './project-vectors.ts';

/** Deterministic pseudo-random numbers (a linear congruential generator), so a failure can be replayed. */
function numbers(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function records(count: number, dimension: number, density: number, seed: number) {
  const random = numbers(seed);
  return Array.from({ length: count }, (_, row) => ({
    id: `p${String(row).padStart(4, '0')}`,
    embedding: Array.from({ length: dimension }, () => (random() < density ? random() * 2 - 1 : 0)),
  }));
}

describe('ProjectVectors', () => {
  it.each([
    ['sparse', 0.1],
    ['dense', 1],
  ])('finds the same nearest rows, in the same order, as an exact search (%s vectors)', async (_, density) => {
    const rows = records(400, 96, density, 7);
    const exact = new InMemoryVectorIndex();
    await exact.upsert(rows.map((row) => ({ ...row, metadata: { language: 'typescript', project: 'p' } })));
    const held = ProjectVectors.from(rows);
    for (const query of records(20, 96, 0.5, 11)) {
      const expected = await exact.query(query.embedding, { k: 30, project: 'p' });
      const found = held.nearest(query.embedding, 30);
      expect(found.map((match) => match.id)).toEqual(expected.map((match) => match.id));
      found.forEach((match, index) => expect(match.score).toBeCloseTo(expected[index]!.score, 5));
    }
  });

  it('breaks ties by id and returns every row when asked for more than it holds', () => {
    const held = ProjectVectors.from([
      { id: 'b', embedding: [1, 0] },
      { id: 'a', embedding: [2, 0] },
      { id: 'c', embedding: [0, 1] },
    ]);
    expect(held.nearest([1, 0], 10).map((match) => match.id)).toEqual(['a', 'b', 'c']);
    expect(held.size).toBe(3);
  });

  it('keeps only the non-zero values of sparse vectors', () => {
    const sparse = ProjectVectors.from(records(100, 1024, 0.05, 3));
    const dense = ProjectVectors.from(records(100, 1024, 1, 3));
    expect(sparse.bytes).toBeLessThan(dense.bytes / 10);
  });
});
