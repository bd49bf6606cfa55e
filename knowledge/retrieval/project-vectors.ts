import { normalise, type VectorMatch } from '../vector/vector-index.ts';

/**
 * One project's vectors held in memory, for exact nearest-neighbour search in the project's own searches.
 *
 * Chroma stays where vectors live (they are written there and read back from there); this is a copy read once
 * per version of the project, beside its text index (ProjectSearch). A filtered Chroma query of a 2,000-file
 * project took 19 ms at the median and 25 ms at p95 (bench:projects), most of a chat turn's project search; a
 * scan of the same vectors here takes a few milliseconds, and it gives exact rather than approximate neighbours.
 *
 * Vectors are kept sparse, by column, because the local embedder's hashed vectors are mostly zeros: a search
 * reads only the columns where the question's vector is not zero (a few dozen of 1,024). A dense model's vectors
 * cost 8 bytes a value instead of 4 (the memory budget in ProjectSearch counts them) and a full scan.
 */
export class ProjectVectors {
  private constructor(
    private readonly ids: string[],
    /** Column-major (compressed sparse columns): column c's entries are `starts[c]` to `starts[c + 1]`. */
    private readonly starts: Uint32Array,
    private readonly rows: Uint32Array,
    private readonly values: Float32Array,
  ) {}

  static from(records: { id: string; embedding: number[] }[]): ProjectVectors {
    // A loop, not Math.max(...): a large project has more rows than a call may take arguments.
    let width = 0;
    for (const record of records) width = Math.max(width, record.embedding.length);
    const starts = new Uint32Array(width + 1);
    const units = records.map((record) => normalise(record.embedding));
    for (const unit of units) unit.forEach((value, column) => value !== 0 && (starts[column + 1]! += 1));
    for (let column = 0; column < width; column++) starts[column + 1]! += starts[column]!;
    const next = starts.slice(0, width);
    const rows = new Uint32Array(starts[width]!);
    const values = new Float32Array(starts[width]!);
    units.forEach((unit, row) =>
      unit.forEach((value, column) => {
        if (value === 0) return;
        const at = next[column]!++;
        rows[at] = row;
        values[at] = value;
      }),
    );
    return new ProjectVectors(
      records.map((record) => record.id),
      starts,
      rows,
      values,
    );
  }

  get size(): number {
    return this.ids.length;
  }

  /** Memory held, roughly: what the budget counts. */
  get bytes(): number {
    return this.starts.byteLength + this.rows.byteLength + this.values.byteLength + this.ids.length * 64;
  }

  /** The `k` rows nearest `embedding` by cosine similarity, nearest first (ties by id). */
  nearest(embedding: number[], k: number): VectorMatch[] {
    const query = normalise(embedding);
    const scores = new Float64Array(this.ids.length);
    // Column by column of the question's non-zero values: a question's hashed vector has a few dozen.
    const width = Math.min(query.length, this.starts.length - 1);
    for (let column = 0; column < width; column++) {
      const weight = query[column]!;
      if (weight === 0) continue;
      for (let at = this.starts[column]!; at < this.starts[column + 1]!; at++)
        scores[this.rows[at]!]! += weight * this.values[at]!;
    }
    // The best k by a bounded insertion: k is small (tens) and most rows fall below the k-th best at once.
    const best: number[] = [];
    for (let row = 0; row < scores.length; row++) {
      if (best.length === k && !this.before(row, best[k - 1]!, scores)) continue;
      let place = best.length === k ? k - 1 : best.length;
      while (place > 0 && this.before(row, best[place - 1]!, scores)) {
        best[place] = best[place - 1]!;
        place -= 1;
      }
      best[place] = row;
    }
    return best.map((row) => ({ id: this.ids[row]!, score: scores[row]! }));
  }

  private before(row: number, other: number, scores: Float64Array): boolean {
    return scores[row]! > scores[other]! || (scores[row] === scores[other] && this.ids[row]! < this.ids[other]!);
  }
}
